package org.zhurnal.archive.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.zhurnal.archive.api.ArchivedDocument;

/**
 * The canonical manifest of an archived document: every field of its record, one {@code name: value} line each in a
 * fixed order, UTF-8, with the content's SHA-256. This is what the detached CMS signature covers, so changing one byte
 * of the content (through its hash) or of any record field breaks the signature. An exported {@code manifest.txt} is
 * these exact bytes.
 */
public final class Manifest {
    static final String FORMAT = "zhurnal-archive-manifest/1";

    private Manifest() {}

    /** @return the manifest's bytes */
    public static byte[] of(ArchivedDocument d) {
        StringBuilder b = new StringBuilder();
        line(b, "format", FORMAT);
        line(b, "id", d.id());
        line(b, "schoolId", d.schoolId());
        line(b, "classId", d.classId());
        line(b, "academicYear", Integer.toString(d.academicYear()));
        line(b, "kind", d.kind());
        line(b, "title", d.title());
        line(b, "fileName", d.fileName());
        line(b, "mediaType", d.mediaType());
        line(b, "version", Integer.toString(d.version()));
        line(b, "previousId", d.previousId());
        line(b, "createdBy", d.createdBy());
        line(b, "createdAt", Long.toString(d.createdAt().toEpochMilli()));
        line(b, "size", Long.toString(d.size()));
        line(b, "sha256", d.sha256());
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A missing value is written as {@code -}; a value that is literally "-" or starts with a backslash is escaped. */
    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append(": ");
        if (value == null) {
            b.append('-');
        } else {
            String v = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
            b.append(v.equals("-") ? "\\-" : v);
        }
        b.append('\n');
    }

    /** @return the lower-case hex SHA-256 of the bytes */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
