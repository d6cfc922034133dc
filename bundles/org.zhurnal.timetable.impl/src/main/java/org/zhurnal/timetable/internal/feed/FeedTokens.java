package org.zhurnal.timetable.internal.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Secret feed tokens: 256 random bits, URL-safe; the database keeps only their SHA-256. */
final class FeedTokens {
    /** 32 bytes in unpadded base64url. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();

    /** @return a new token */
    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return whether {@code token} could be one of ours (anything else is not looked up) */
    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** @return the hex SHA-256 the database keeps instead of the token */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
