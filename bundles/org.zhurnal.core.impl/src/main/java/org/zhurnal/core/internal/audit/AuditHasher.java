package org.zhurnal.core.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.zhurnal.core.internal.entity.AuditEntryEntity;

/** The chain rule: hash = SHA-256(previous hash, then every field of the entry, length-prefixed). */
public final class AuditHasher {
    /** The previous hash of the first entry of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHasher() {}

    public static String hash(AuditEntryEntity e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {e.getPrevHash(), e.getChainId(), Long.toString(e.getSeq()),
                    Long.toString(e.getRecordedAt()), e.getActorId(), e.getActorLogin(), e.getRequestId(),
                    e.getEntityType(), e.getEntityId(), e.getOp(), e.getBeforeJson(), e.getAfterJson()}) {
                // Length-prefixing makes ("ab","c") and ("a","bc") hash differently; null differs from "".
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                md.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(bytes);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
