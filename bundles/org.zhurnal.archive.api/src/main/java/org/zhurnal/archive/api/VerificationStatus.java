package org.zhurnal.archive.api;

/** The outcome of verifying one archived document. */
public enum VerificationStatus {
    /** The content matches the recorded hash, and the signature over record and hash is valid and made with a trusted key. */
    OK,
    /** The stored content is missing. */
    CONTENT_MISSING,
    /** The stored content does not match the hash in its record. */
    CONTENT_HASH_MISMATCH,
    /** The signature does not match the record (a field of the record or the recorded hash was changed) or is broken. */
    SIGNATURE_INVALID,
    /** The signature is valid but made with a certificate that is not one the archive is configured to trust. */
    CERTIFICATE_NOT_TRUSTED
}
