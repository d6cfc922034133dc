package org.zhurnal.gradebook.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** One mark: raw value plus scheme id. */
@Entity
@Table(name = "zh_g_mark")
public class MarkEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "occurrence_id")
    private String occurrenceId;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "student_id")
    private String studentId;
    @Column(name = "lesson_date")
    private String lessonDate;
    @Column(name = "subject")
    private String subject;
    @Column(name = "class_id")
    private String classId;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "scheme_id")
    private String schemeId;
    @Column(name = "raw_value")
    private String value;
    @Column(name = "numeric_value")
    private Double numeric;
    @Column(name = "work_type")
    private String workType;
    @Column(name = "work_date")
    private String workDate;
    @Column(name = "mark_comment")
    private String comment;
    @Column(name = "counted")
    private boolean counted;
    @Column(name = "family_visible")
    private boolean familyVisible;
    @Column(name = "recorded_at")
    private long recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "updated_at")
    private long updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getOccurrenceId() {
        return occurrenceId;
    }

    public void setOccurrenceId(String occurrenceId) {
        this.occurrenceId = occurrenceId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public String getStudentId() {
        return studentId;
    }

    public void setStudentId(String studentId) {
        this.studentId = studentId;
    }

    public String getLessonDate() {
        return lessonDate;
    }

    public void setLessonDate(String lessonDate) {
        this.lessonDate = lessonDate;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getClassId() {
        return classId;
    }

    public void setClassId(String classId) {
        this.classId = classId;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getSchemeId() {
        return schemeId;
    }

    public void setSchemeId(String schemeId) {
        this.schemeId = schemeId;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Double getNumeric() {
        return numeric;
    }

    public void setNumeric(Double numeric) {
        this.numeric = numeric;
    }

    public String getWorkType() {
        return workType;
    }

    public void setWorkType(String workType) {
        this.workType = workType;
    }

    public String getWorkDate() {
        return workDate;
    }

    public void setWorkDate(String workDate) {
        this.workDate = workDate;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isCounted() {
        return counted;
    }

    public void setCounted(boolean counted) {
        this.counted = counted;
    }

    public boolean isFamilyVisible() {
        return familyVisible;
    }

    public void setFamilyVisible(boolean familyVisible) {
        this.familyVisible = familyVisible;
    }

    public long getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(long recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public void setRecordedBy(String recordedBy) {
        this.recordedBy = recordedBy;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    public void setRowVersion(long rowVersion) {
        this.rowVersion = rowVersion;
    }
}
