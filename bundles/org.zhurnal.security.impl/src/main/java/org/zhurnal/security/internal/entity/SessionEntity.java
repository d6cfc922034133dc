package org.zhurnal.security.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A session; the primary key is the SHA-256 of the token, never the token itself. */
@Entity
@Table(name = "zh_session")
public class SessionEntity {
    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "csrf_token")
    private String csrfToken;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "last_seen_at")
    private long lastSeenAt;
    @Column(name = "expires_at")
    private long expiresAt;
    @Column(name = "remote_address")
    private String remoteAddress;

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public void setCsrfToken(String csrfToken) {
        this.csrfToken = csrfToken;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(long lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public void setRemoteAddress(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }
}
