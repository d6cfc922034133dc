package org.zhurnal.roster.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "zh_r_consent")
public class ConsentEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "person_id")
    private String personId;
    @Column(name = "given_by_id")
    private String givenById;
    @Column(name = "status")
    private String status;
    @Column(name = "purpose")
    private String purpose;
    @Column(name = "document_no")
    private String documentNo;
    @Column(name = "given_on")
    private String givenOn;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private long recordedAt;
    @Column(name = "withdrawn_on")
    private String withdrawnOn;

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

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getGivenById() {
        return givenById;
    }

    public void setGivenById(String givenById) {
        this.givenById = givenById;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getDocumentNo() {
        return documentNo;
    }

    public void setDocumentNo(String documentNo) {
        this.documentNo = documentNo;
    }

    public String getGivenOn() {
        return givenOn;
    }

    public void setGivenOn(String givenOn) {
        this.givenOn = givenOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public void setRecordedBy(String recordedBy) {
        this.recordedBy = recordedBy;
    }

    public long getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(long recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getWithdrawnOn() {
        return withdrawnOn;
    }

    public void setWithdrawnOn(String withdrawnOn) {
        this.withdrawnOn = withdrawnOn;
    }
}
