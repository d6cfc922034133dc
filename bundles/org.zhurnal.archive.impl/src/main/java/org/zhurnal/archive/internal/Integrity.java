package org.zhurnal.archive.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.zhurnal.archive.api.ArchivedDocument;
import org.zhurnal.archive.api.Verification;
import org.zhurnal.archive.api.VerificationStatus;

/** Verifies one archived document: its content against the recorded hash, then the signature over the manifest. */
final class Integrity {
    private Integrity() {}

    static Verification check(ArchivedDocument d, byte[] content, byte[] signature, Signer signer) {
        if (content == null) {
            return new Verification(d.id(), VerificationStatus.CONTENT_MISSING, "the document's content is missing", null);
        }
        String actual = Manifest.sha256(content);
        // Constant-time comparison is not needed for secrecy here, but it costs nothing.
        if (content.length != d.size() || !MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                d.sha256().getBytes(StandardCharsets.US_ASCII))) {
            return new Verification(d.id(), VerificationStatus.CONTENT_HASH_MISMATCH, "the content's SHA-256 is " + actual + " (" + content.length
                    + " bytes), the record says " + d.sha256() + " (" + d.size() + " bytes)", null);
        }
        if (signature == null || signature.length == 0) {
            return new Verification(d.id(), VerificationStatus.SIGNATURE_INVALID, "the document has no signature", null);
        }
        Signer.Check c = signer.verify(Manifest.of(d), signature);
        return new Verification(d.id(), c.status(), c.detail(), c.signer());
    }
}
