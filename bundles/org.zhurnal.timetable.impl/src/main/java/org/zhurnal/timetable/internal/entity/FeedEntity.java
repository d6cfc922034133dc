package org.zhurnal.timetable.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A secret calendar feed link: whose it is and what it shows. Only the SHA-256 of the token is stored, so
 * the database alone cannot be used to read anybody's feed.
 */
@Entity
@Table(name = "zh_t_feed")
public class FeedEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "owner_account_id")
    private String ownerAccountId;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "subject_kind")
    private String subjectKind;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "revoked_at")
    private Long revokedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public String getOwnerAccountId() {
        return ownerAccountId;
    }

    public void setOwnerAccountId(String ownerAccountId) {
        this.ownerAccountId = ownerAccountId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public String getSubjectKind() {
        return subjectKind;
    }

    public void setSubjectKind(String subjectKind) {
        this.subjectKind = subjectKind;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    /** @return when the link was revoked (epoch ms), or {@code null} while it works */
    public Long getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Long revokedAt) {
        this.revokedAt = revokedAt;
    }

    public long getRowVersion() {
        return rowVersion;
    }
}
