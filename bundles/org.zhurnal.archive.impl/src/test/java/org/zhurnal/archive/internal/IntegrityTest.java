package org.zhurnal.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhurnal.archive.api.ArchivedDocument;
import org.zhurnal.archive.api.Verification;
import org.zhurnal.archive.api.VerificationStatus;

/** Signing and verification of archived documents: the round trip, and every kind of tampering failing. */
class IntegrityTest {
    private static Signer school;
    private static Signer stranger;

    @BeforeAll
    static void keys() throws Exception {
        school = signer("School 1");
        stranger = signer("Somebody else");
    }

    private static Signer signer(String name) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        X509Certificate cert = Signer.selfSigned(pair, name);
        return new Signer(pair.getPrivate(), cert, List.of());
    }

    private static final byte[] PDF = "%PDF-1.7 сводная ведомость 5А".getBytes(StandardCharsets.UTF_8);

    private static ArchivedDocument record(byte[] content) {
        return new ArchivedDocument("d-1", "school-1", "class-5a", 2025, "summary-sheet", "Сводная ведомость, 5А", "svodnaya-5A.pdf",
                "application/pdf", 1, null, "deputy", Instant.ofEpochMilli(1_780_000_000_123L), content.length, Manifest.sha256(content));
    }

    @Test
    void aSignedDocumentVerifies() {
        ArchivedDocument d = record(PDF);
        byte[] sig = school.sign(Manifest.of(d));
        Verification v = Integrity.check(d, PDF.clone(), sig, school);
        assertEquals(VerificationStatus.OK, v.status(), v.detail());
        assertTrue(v.signer().contains("School 1"), v.signer());
    }

    @Test
    void oneFlippedByteOfTheContentFails() {
        ArchivedDocument d = record(PDF);
        byte[] sig = school.sign(Manifest.of(d));
        for (int i : new int[] { 0, PDF.length / 2, PDF.length - 1 }) {
            byte[] tampered = PDF.clone();
            tampered[i] ^= 0x01;
            assertEquals(VerificationStatus.CONTENT_HASH_MISMATCH, Integrity.check(d, tampered, sig, school).status());
        }
        assertEquals(VerificationStatus.CONTENT_MISSING, Integrity.check(d, null, sig, school).status());
    }

    @Test
    void oneChangedRecordFieldFails() {
        ArchivedDocument d = record(PDF);
        byte[] sig = school.sign(Manifest.of(d));
        List<ArchivedDocument> changed = List.of(
                new ArchivedDocument(d.id(), d.schoolId(), d.classId(), 2024, d.kind(), d.title(), d.fileName(), d.mediaType(), d.version(),
                        d.previousId(), d.createdBy(), d.createdAt(), d.size(), d.sha256()),
                new ArchivedDocument(d.id(), d.schoolId(), "class-5b", d.academicYear(), d.kind(), d.title(), d.fileName(), d.mediaType(),
                        d.version(), d.previousId(), d.createdBy(), d.createdAt(), d.size(), d.sha256()),
                new ArchivedDocument(d.id(), d.schoolId(), null, d.academicYear(), d.kind(), d.title(), d.fileName(), d.mediaType(),
                        d.version(), d.previousId(), d.createdBy(), d.createdAt(), d.size(), d.sha256()),
                new ArchivedDocument(d.id(), d.schoolId(), d.classId(), d.academicYear(), d.kind(), d.title(), "svodnaya-5B.pdf", d.mediaType(),
                        d.version(), d.previousId(), d.createdBy(), d.createdAt(), d.size(), d.sha256()),
                new ArchivedDocument(d.id(), d.schoolId(), d.classId(), d.academicYear(), d.kind(), d.title(), d.fileName(), d.mediaType(),
                        d.version(), d.previousId(), d.createdBy(), d.createdAt().plusMillis(1), d.size(), d.sha256()),
                new ArchivedDocument(d.id(), d.schoolId(), d.classId(), d.academicYear(), d.kind(), d.title(), d.fileName(), d.mediaType(),
                        2, "d-0", d.createdBy(), d.createdAt(), d.size(), d.sha256()));
        for (ArchivedDocument c : changed) {
            assertEquals(VerificationStatus.SIGNATURE_INVALID, Integrity.check(c, PDF, sig, school).status(), c.toString());
        }
        // Content and recorded hash changed together: the hash is in the signed manifest.
        byte[] other = "%PDF-1.7 другая ведомость".getBytes(StandardCharsets.UTF_8);
        ArchivedDocument swapped = new ArchivedDocument(d.id(), d.schoolId(), d.classId(), d.academicYear(), d.kind(), d.title(), d.fileName(),
                d.mediaType(), d.version(), d.previousId(), d.createdBy(), d.createdAt(), other.length, Manifest.sha256(other));
        assertEquals(VerificationStatus.SIGNATURE_INVALID, Integrity.check(swapped, other, sig, school).status());
        // A damaged signature.
        byte[] broken = sig.clone();
        broken[broken.length - 5] ^= 0x10;
        assertEquals(VerificationStatus.SIGNATURE_INVALID, Integrity.check(d, PDF, broken, school).status());
        assertEquals(VerificationStatus.SIGNATURE_INVALID, Integrity.check(d, PDF, new byte[] { 1, 2, 3 }, school).status());
    }

    @Test
    void aDocumentSignedByAnotherKeyFails() {
        ArchivedDocument d = record(PDF);
        byte[] sig = stranger.sign(Manifest.of(d));
        Verification v = Integrity.check(d, PDF, sig, school);
        assertEquals(VerificationStatus.CERTIFICATE_NOT_TRUSTED, v.status(), v.detail());
        assertTrue(v.detail().contains("Somebody else"), v.detail());
        // Trusted once the other certificate is in the keystore (a previous key of the school).
        Signer both = new Signer(null, school.certificate(), List.of(stranger.certificate()));
        assertEquals(VerificationStatus.OK, Integrity.check(d, PDF, sig, both).status());
    }

    @Test
    void aGeneratedKeystoreLoadsAndSigns(@TempDir Path dir) throws Exception {
        Path p12 = dir.resolve("zhurnal-archive.p12");
        Signer.generate(p12, "secret".toCharArray(), "archive", "Zhurnal archive test");
        assertTrue(Files.size(p12) > 0);
        Signer loaded = Signer.load(p12, "secret".toCharArray(), "archive", new char[0]);
        ArchivedDocument d = record(PDF);
        assertEquals(VerificationStatus.OK, Integrity.check(d, PDF, loaded.sign(Manifest.of(d)), loaded).status());
        assertEquals(VerificationStatus.CERTIFICATE_NOT_TRUSTED, Integrity.check(d, PDF, loaded.sign(Manifest.of(d)), school).status());
    }

    @Test
    void theManifestKeepsNullAndDashApart() {
        ArchivedDocument d = record(PDF);
        ArchivedDocument dash = new ArchivedDocument(d.id(), d.schoolId(), "-", d.academicYear(), d.kind(), d.title(), d.fileName(), d.mediaType(),
                d.version(), d.previousId(), d.createdBy(), d.createdAt(), d.size(), d.sha256());
        ArchivedDocument none = new ArchivedDocument(d.id(), d.schoolId(), null, d.academicYear(), d.kind(), d.title(), d.fileName(),
                d.mediaType(), d.version(), d.previousId(), d.createdBy(), d.createdAt(), d.size(), d.sha256());
        assertTrue(!java.util.Arrays.equals(Manifest.of(dash), Manifest.of(none)));
        String text = new String(Manifest.of(d), StandardCharsets.UTF_8);
        assertTrue(text.contains("sha256: " + Manifest.sha256(PDF) + "\n") && text.contains("academicYear: 2025\n"), text);
    }
}
