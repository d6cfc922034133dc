package org.zhurnal.gradebook.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Which grading scheme a school uses for a subject and grade range. */
@Entity
@Table(name = "zh_g_scheme_rule")
public class SchemeRuleEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "subject")
    private String subject;
    @Column(name = "grade_from")
    private int gradeFrom;
    @Column(name = "grade_to")
    private int gradeTo;
    @Column(name = "scheme_id")
    private String schemeId;
    @Column(name = "created_at")
    private long createdAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public int getGradeFrom() {
        return gradeFrom;
    }

    public void setGradeFrom(int gradeFrom) {
        this.gradeFrom = gradeFrom;
    }

    public int getGradeTo() {
        return gradeTo;
    }

    public void setGradeTo(int gradeTo) {
        this.gradeTo = gradeTo;
    }

    public String getSchemeId() {
        return schemeId;
    }

    public void setSchemeId(String schemeId) {
        this.schemeId = schemeId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
