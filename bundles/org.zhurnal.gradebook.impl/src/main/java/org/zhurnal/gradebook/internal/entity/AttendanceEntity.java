package org.zhurnal.gradebook.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A student's absence or lateness at one lesson. */
@Entity
@Table(name = "zh_g_attendance")
public class AttendanceEntity {
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
    @Column(name = "absence_code")
    private String code;
    @Column(name = "category")
    private String category;
    @Column(name = "late_minutes")
    private Integer lateMinutes;
    @Column(name = "recorded_at")
    private long recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;

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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Integer getLateMinutes() {
        return lateMinutes;
    }

    public void setLateMinutes(Integer lateMinutes) {
        this.lateMinutes = lateMinutes;
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
}
