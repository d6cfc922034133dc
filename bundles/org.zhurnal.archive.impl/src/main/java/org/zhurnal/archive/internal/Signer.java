package org.zhurnal.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhurnal.archive.api.VerificationStatus;

/**
 * Makes and checks detached CMS (PKCS #7) signatures with one key and its certificate; a signature verifies when it
 * is valid and its signer certificate is one of the trusted ones (every certificate of the keystore, so that after a
 * key change the old certificate, kept in the keystore, still vouches for the old documents).
 * <p>Immutable and thread-safe. BouncyCastle is used as a provider instance, never registered globally.
 */
public final class Signer {
    static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Set<X509Certificate> trusted;

    public Signer(PrivateKey key, X509Certificate certificate, Collection<X509Certificate> trusted) {
        this.key = key;
        this.certificate = certificate;
        Set<X509Certificate> t = new LinkedHashSet<>(trusted);
        t.add(certificate);
        this.trusted = Collections.unmodifiableSet(t);
    }

    /** @return the certificate signatures are made with */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the DER-encoded detached CMS signature of the data, carrying the signer certificate */
    public byte[] sign(byte[] data) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            String algorithm = "SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : key.getAlgorithm());
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key), certificate));
            gen.addCertificates(new JcaCertStore(List.of(certificate)));
            return gen.generate(new CMSProcessableByteArray(data), false).getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign with the archive key: " + e.getMessage(), e);
        }
    }

    /** The outcome of checking a signature: the status, a detail, and the signer's subject when it could be read. */
    public record Check(VerificationStatus status, String detail, String signer) {
    }

    /** @return whether {@code signature} is a valid detached signature of {@code data} by a trusted certificate */
    public Check verify(byte[] data, byte[] signature) {
        String subject = null;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(data), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Check(VerificationStatus.SIGNATURE_INVALID, "expected one signer, found " + signers.size(), null);
            }
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches(si.getSID());
            if (certs.isEmpty()) {
                return new Check(VerificationStatus.SIGNATURE_INVALID, "the signature carries no signer certificate", null);
            }
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(certs.iterator().next());
            subject = cert.getSubjectX500Principal().getName();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert))) {
                return new Check(VerificationStatus.SIGNATURE_INVALID, "the signature does not match the record and content hash", subject);
            }
            if (!trusted.contains(cert)) {
                return new Check(VerificationStatus.CERTIFICATE_NOT_TRUSTED, "signed by a certificate the archive does not trust: " + subject
                        + " (serial " + cert.getSerialNumber().toString(16) + ")", subject);
            }
            return new Check(VerificationStatus.OK, "", subject);
        } catch (CMSException e) {
            // A digest mismatch of the signed attributes (the manifest changed) is reported by BouncyCastle as an exception.
            return new Check(VerificationStatus.SIGNATURE_INVALID, "the signature does not match the record and content hash: " + e.getMessage(),
                    subject);
        } catch (OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return new Check(VerificationStatus.SIGNATURE_INVALID, "unreadable signature: " + e.getMessage(), subject);
        }
    }

    /**
     * Loads the signer from a PKCS #12 keystore.
     *
     * @param keyPassword the key's password ({@code password} when {@code null} or empty)
     */
    public static Signer load(Path keystore, char[] password, String alias, char[] keyPassword) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        if (!ks.isKeyEntry(alias)) {
            throw new GeneralSecurityException("keystore " + keystore + " has no private key entry «" + alias + "»; entries: "
                    + Collections.list(ks.aliases()));
        }
        PrivateKey key = (PrivateKey) ks.getKey(alias, keyPassword == null || keyPassword.length == 0 ? password : keyPassword);
        X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
        List<X509Certificate> trusted = new ArrayList<>();
        for (String a : Collections.list(ks.aliases())) {
            Certificate c = ks.getCertificate(a);
            if (c instanceof X509Certificate x) {
                trusted.add(x);
            }
        }
        return new Signer(key, cert, trusted);
    }

    /**
     * Generates an RSA key with a self-signed certificate and writes it as a PKCS #12 keystore (for demos and tests:
     * a real deployment configures the school's key).
     */
    public static void generate(Path keystore, char[] password, String alias, String commonName) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        KeyPair pair = g.generateKeyPair();
        X509Certificate cert = selfSigned(pair, commonName);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] { cert });
        Path dir = keystore.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "zhurnal-archive", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, keystore, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return a self-signed certificate of the pair, valid from now for 30 years */
    static X509Certificate selfSigned(KeyPair pair, String commonName) throws GeneralSecurityException {
        try {
            X500Name name = new X500Name("CN=" + commonName.replaceAll("[,+=<>#;\"\\\\]", " ") + ",O=Zhurnal");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365L * 30))), name, pair.getPublic());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().setProvider(BC)
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(pair.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("Cannot make a self-signed certificate", e);
        }
    }
}
