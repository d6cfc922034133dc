package org.zhurnal.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Head of one audit hash chain (one per school, plus "system"). */
@Entity
@Table(name = "zh_audit_chain")
public class AuditChainEntity {
    @Id
    @Column(name = "chain_id")
    private String chainId;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "last_hash")
    private String lastHash;

    public String getChainId() {
        return chainId;
    }

    public void setChainId(String chainId) {
        this.chainId = chainId;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public void setLastSeq(long lastSeq) {
        this.lastSeq = lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }
}
