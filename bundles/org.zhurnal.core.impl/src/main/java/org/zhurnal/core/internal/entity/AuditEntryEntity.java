package org.zhurnal.core.internal.entity;

import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.zhurnal.core.api.audit.AuditEntry;

@Entity
@Table(name = "zh_audit_entry")
public class AuditEntryEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "chain_id")
    private String chainId;
    @Column(name = "seq")
    private long seq;
    @Column(name = "recorded_at")
    private long recordedAt;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "actor_login")
    private String actorLogin;
    @Column(name = "request_id")
    private String requestId;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private String entityId;
    @Column(name = "op")
    private String op;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "before_json")
    private String beforeJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "after_json")
    private String afterJson;
    @Column(name = "prev_hash")
    private String prevHash;
    @Column(name = "hash")
    private String hash;

    public AuditEntry toDTO() {
        return new AuditEntry(chainId, seq, Instant.ofEpochMilli(recordedAt), actorId, actorLogin, requestId,
                entityType, entityId, op, beforeJson, afterJson, hash);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getChainId() {
        return chainId;
    }

    public void setChainId(String chainId) {
        this.chainId = chainId;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public long getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(long recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public String getActorLogin() {
        return actorLogin;
    }

    public void setActorLogin(String actorLogin) {
        this.actorLogin = actorLogin;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getOp() {
        return op;
    }

    public void setOp(String op) {
        this.op = op;
    }

    public String getBeforeJson() {
        return beforeJson;
    }

    public void setBeforeJson(String beforeJson) {
        this.beforeJson = beforeJson;
    }

    public String getAfterJson() {
        return afterJson;
    }

    public void setAfterJson(String afterJson) {
        this.afterJson = afterJson;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
