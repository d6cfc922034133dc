package org.zhurnal.gradebook.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** What the journal records for one lesson occurrence. */
@Entity
@Table(name = "zh_g_lesson")
public class LessonEntity {
    @Id
    @Column(name = "occurrence_id")
    private String occurrenceId;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "lesson_date")
    private String lessonDate;
    @Column(name = "class_id")
    private String classId;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "subject")
    private String subject;
    @Column(name = "taught_by")
    private String taughtBy;
    @Column(name = "held")
    private boolean held;
    @Column(name = "topic")
    private String topic;
    @Column(name = "homework")
    private String homework;
    @Column(name = "homework_links")
    private String homeworkLinks;
    @Column(name = "teacher_comment")
    private String comment;
    @Column(name = "topic_at")
    private Long topicAt;
    @Column(name = "attendance_at")
    private Long attendanceAt;
    @Column(name = "homework_at")
    private Long homeworkAt;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "updated_at")
    private long updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

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

    public String getLessonDate() {
        return lessonDate;
    }

    public void setLessonDate(String lessonDate) {
        this.lessonDate = lessonDate;
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

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getTaughtBy() {
        return taughtBy;
    }

    public void setTaughtBy(String taughtBy) {
        this.taughtBy = taughtBy;
    }

    public boolean isHeld() {
        return held;
    }

    public void setHeld(boolean held) {
        this.held = held;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getHomework() {
        return homework;
    }

    public void setHomework(String homework) {
        this.homework = homework;
    }

    public String getHomeworkLinks() {
        return homeworkLinks;
    }

    public void setHomeworkLinks(String homeworkLinks) {
        this.homeworkLinks = homeworkLinks;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Long getTopicAt() {
        return topicAt;
    }

    public void setTopicAt(Long topicAt) {
        this.topicAt = topicAt;
    }

    public Long getAttendanceAt() {
        return attendanceAt;
    }

    public void setAttendanceAt(Long attendanceAt) {
        this.attendanceAt = attendanceAt;
    }

    public Long getHomeworkAt() {
        return homeworkAt;
    }

    public void setHomeworkAt(Long homeworkAt) {
        this.homeworkAt = homeworkAt;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
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
