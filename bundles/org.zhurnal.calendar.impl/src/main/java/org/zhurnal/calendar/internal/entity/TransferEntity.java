package org.zhurnal.calendar.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "zh_c_transfer")
public class TransferEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "year_id")
    private String yearId;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "transfer_date")
    private String transferDate;
    @Column(name = "is_working")
    private boolean working;
    @Column(name = "timetable_of")
    private String timetableOf;
    @Column(name = "created_at")
    private long createdAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getYearId() {
        return yearId;
    }

    public void setYearId(String yearId) {
        this.yearId = yearId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public String getTransferDate() {
        return transferDate;
    }

    public void setTransferDate(String transferDate) {
        this.transferDate = transferDate;
    }

    public boolean isWorking() {
        return working;
    }

    public void setWorking(boolean working) {
        this.working = working;
    }

    public String getTimetableOf() {
        return timetableOf;
    }

    public void setTimetableOf(String timetableOf) {
        this.timetableOf = timetableOf;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
