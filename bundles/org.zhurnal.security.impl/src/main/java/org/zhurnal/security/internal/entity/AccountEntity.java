package org.zhurnal.security.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "zh_account")
public class AccountEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "login")
    private String login;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "person_id")
    private String personId;
    @Column(name = "school_id")
    private String schoolId;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "must_change")
    private boolean mustChange;
    @Column(name = "disabled")
    private boolean disabled;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private long lockedUntil;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "password_changed_at")
    private long passwordChangedAt;
    /** The account's grants, one per line (see {@code Accounts.encode}); null for an account written before changeset security-2. */
    @Column(name = "grants", length = 32000)
    private String grants;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isMustChange() {
        return mustChange;
    }

    public void setMustChange(boolean mustChange) {
        this.mustChange = mustChange;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public void setFailedLogins(int failedLogins) {
        this.failedLogins = failedLogins;
    }

    public long getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(long lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setPasswordChangedAt(long passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }

    public String getGrants() {
        return grants;
    }

    public void setGrants(String grants) {
        this.grants = grants;
    }
}
