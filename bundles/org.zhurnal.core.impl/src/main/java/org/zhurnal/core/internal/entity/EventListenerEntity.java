package org.zhurnal.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Delivery progress of one listener: the last position it acknowledged. */
@Entity
@Table(name = "zh_event_listener")
public class EventListenerEntity {
    @Id
    @Column(name = "listener_id")
    private String listenerId;
    @Column(name = "pos")
    private long pos;
    @Column(name = "failures")
    private int failures;
    @Column(name = "next_attempt_at")
    private long nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "updated_at")
    private long updatedAt;

    public String getListenerId() {
        return listenerId;
    }

    public void setListenerId(String listenerId) {
        this.listenerId = listenerId;
    }

    public long getPos() {
        return pos;
    }

    public void setPos(long pos) {
        this.pos = pos;
    }

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
