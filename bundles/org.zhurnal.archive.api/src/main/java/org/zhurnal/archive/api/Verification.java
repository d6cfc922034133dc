package org.zhurnal.archive.api;

/**
 * The result of verifying one archived document.
 *
 * @param documentId the document
 * @param status the outcome
 * @param detail a human explanation (empty when OK)
 * @param signer the signer certificate's subject, or {@code null} when the signature could not be read
 */
public record Verification(String documentId, VerificationStatus status, String detail, String signer) {
    /** @return whether the document verified */
    public boolean ok() {
        return status == VerificationStatus.OK;
    }
}
