package org.zhurnal.gradebook.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A bulk entry already applied, by SHA-256 of account and idempotency key. */
@Entity
@Table(name = "zh_g_request")
public class RequestEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "occurrence_id")
    private String occurrenceId;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "created_at")
    private long createdAt;

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

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
