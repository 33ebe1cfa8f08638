package io.edgeward.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away TLS material for a test broker, generated in-process in a few milliseconds: a CA, a broker certificate
 * for {@code 127.0.0.1} and {@code localhost} (so clients keep host-name verification on), a client certificate for
 * mutual TLS, and a second, unrelated CA whose trust store a client must not get through with. Every store is
 * PKCS12 with one random password, written under {@code dir} (keep it in {@code target/}).
 */
public final class TlsMaterial {

    public static final String STORE_TYPE = "PKCS12";
    private static final Duration VALIDITY = Duration.ofDays(2);

    private final Path truststore;
    private final Path brokerKeystore;
    private final Path clientKeystore;
    private final Path strangerTruststore;
    private final String password;

    private TlsMaterial(Path dir, String password) {
        this.truststore = dir.resolve("truststore.p12");
        this.brokerKeystore = dir.resolve("broker.p12");
        this.clientKeystore = dir.resolve("client.p12");
        this.strangerTruststore = dir.resolve("stranger-truststore.p12");
        this.password = password;
    }

    /** Generates the CA, the broker and client certificates and their stores in {@code dir}. */
    public static TlsMaterial generate(Path dir) {
        byte[] secret = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        TlsMaterial tls = new TlsMaterial(dir, HexFormat.of().formatHex(secret));
        try {
            Files.createDirectories(dir);
            KeyPair ca = keyPair();
            X509Certificate caCert = caCertificate(ca, "CN=Edgeward Test CA");
            KeyPair broker = keyPair();
            X509Certificate brokerCert = sign(ca, caCert, broker, "CN=localhost", KeyPurposeId.id_kp_serverAuth,
                    new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}));
            KeyPair client = keyPair();
            X509Certificate clientCert = sign(ca, caCert, client, "CN=edgeward-test-client",
                    KeyPurposeId.id_kp_clientAuth, null);
            KeyPair stranger = keyPair();
            X509Certificate strangerCert = caCertificate(stranger, "CN=Someone Else's CA");

            tls.writeTrust(tls.truststore, caCert);
            tls.writeTrust(tls.strangerTruststore, strangerCert);
            tls.writeKey(tls.brokerKeystore, broker.getPrivate(), brokerCert, caCert);
            tls.writeKey(tls.clientKeystore, client.getPrivate(), clientCert, caCert);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test TLS stores in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate test TLS material", e);
        }
    }

    /** Trusts the test CA, which signed the broker's and the client's certificates. */
    public Path truststore() {
        return truststore;
    }

    public Path brokerKeystore() {
        return brokerKeystore;
    }

    /** The client's certificate and key, for the broker's mutual-TLS listener. */
    public Path clientKeystore() {
        return clientKeystore;
    }

    /** Trusts only an unrelated CA: a client holding it must refuse the broker. */
    public Path strangerTruststore() {
        return strangerTruststore;
    }

    /** The one password of every store and key here (a test secret, random per run). */
    public String password() {
        return password;
    }

    /**
     * Kafka client properties for an SSL connection to the test broker, by Kafka's own names; with
     * {@code clientCertificate} the client also presents its certificate (the mutual-TLS listener needs it).
     */
    public Map<String, Object> clientProperties(String bootstrapServers, boolean clientCertificate) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", "SSL");
        props.put("ssl.truststore.location", truststore.toString());
        props.put("ssl.truststore.password", password);
        props.put("ssl.truststore.type", STORE_TYPE);
        if (clientCertificate) {
            props.put("ssl.keystore.location", clientKeystore.toString());
            props.put("ssl.keystore.password", password);
            props.put("ssl.keystore.type", STORE_TYPE);
        }
        return props;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(KeyPair ca, String name)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500Name(name);
        X509v3CertificateBuilder builder = builder(subject, subject, ca)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return certificate(builder, ca.getPrivate());
    }

    private static X509Certificate sign(KeyPair ca, X509Certificate caCert, KeyPair subjectKeys, String subject,
            KeyPurposeId purpose, GeneralNames alternativeNames)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                new X500Name(subject), subjectKeys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (alternativeNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
        }
        return certificate(builder, ca.getPrivate());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private void writeTrust(Path file, X509Certificate ca) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        write(store, file);
    }

    private void writeKey(Path file, PrivateKey key, X509Certificate cert, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        store.setKeyEntry("key", key, password.toCharArray(), new Certificate[] {cert, ca});
        write(store, file);
    }

    private void write(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
