package org.parley.sip.container.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the TLS keystore on first start when none is configured yet: a PKCS12 store with one
 * RSA key and a self-signed certificate for the server's host name (CN and subjectAltName, plus
 * 127.0.0.1), and the certificate as PEM beside it ({@code <keystore>.pem}) so clients can be told
 * to trust it (SIPE: {@code certificates/x509/tls_peers/<host>}). BouncyCastle issues the
 * certificate because the JDK has no public API for that.
 */
public final class SelfSignedKeyStore {

    private static final Logger LOG = Logger.getLogger(SelfSignedKeyStore.class.getName());
    private static final String ALIAS = "parley-sip";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SelfSignedKeyStore() {}

    /**
     * Creates {@code keyStore} (and its PEM) unless the file exists already.
     *
     * @return true when a new keystore was written
     */
    public static boolean createIfMissing(Path keyStore, char[] password, String hostName)
            throws IOException, GeneralSecurityException {
        if (Files.exists(keyStore)) {
            return false;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair keyPair = generator.generateKeyPair();
        X509Certificate certificate = certificate(keyPair, hostName);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keyPair.getPrivate(), password, new X509Certificate[] {certificate});
        Path parent = keyStore.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Written aside and moved, so a crash never leaves a half keystore that would block the next start.
        Path partial = Files.createTempFile(parent, ".keystore", ".tmp");
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.store(out, password);
        }
        Files.move(partial, keyStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(pemPath(keyStore), pem(certificate), StandardCharsets.US_ASCII);
        LOG.info(() -> "created self-signed TLS keystore " + keyStore + " for " + hostName + "; clients must trust "
                + pemPath(keyStore));
        return true;
    }

    /** Where {@link #createIfMissing} puts the certificate as PEM. */
    public static Path pemPath(Path keyStore) {
        return keyStore.resolveSibling(keyStore.getFileName() + ".pem");
    }

    private static X509Certificate certificate(KeyPair keyPair, String hostName) throws GeneralSecurityException {
        X500Name subject = new X500Name("CN=" + hostName.replaceAll("([,+=\"\\\\<>;])", "\\\\$1"));
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keyPair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostName));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot issue the self-signed certificate", e);
        }
    }

    private static GeneralNames alternativeNames(String hostName) {
        GeneralName loopback = new GeneralName(GeneralName.iPAddress, LOOPBACK);
        if (LOOPBACK.equals(hostName)) {
            return new GeneralNames(loopback);
        }
        int type = IPV4.matcher(hostName).matches() ? GeneralName.iPAddress : GeneralName.dNSName;
        return new GeneralNames(new GeneralName[] {new GeneralName(type, hostName), loopback});
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }
}
