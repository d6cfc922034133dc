package org.zhurnal.core.internal.entity;

import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.zhurnal.core.api.event.DomainEvent;

/**
 * An outbox row. Inserted with a native statement (the serial given by the JVM on Derby, by the database elsewhere:
 * see {@code EventSerials}); {@code pos} is
 * assigned after commit by the sequencer.
 */
@Entity
@Table(name = "zh_event")
public class EventEntity {
    @Id
    @Column(name = "serial")
    private long serial;
    @Column(name = "id")
    private String id;
    @Column(name = "pos")
    private Long pos;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "occurred_at")
    private long occurredAt;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "payload")
    private String payload;
    /** Events in this row: 1, or more for a batch whose payload holds them all (see {@code EventBatch}). */
    @Column(name = "batch_size")
    private int batchSize = 1;

    public DomainEvent toDTO() {
        return new DomainEvent(pos == null ? 0 : pos, id, eventType, schoolId, Instant.ofEpochMilli(occurredAt),
                actorId, payload);
    }

    public long getSerial() {
        return serial;
    }

    public void setSerial(long serial) {
        this.serial = serial;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getPos() {
        return pos;
    }

    public void setPos(Long pos) {
        this.pos = pos;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public long getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(long occurredAt) {
        this.occurredAt = occurredAt;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }
}
