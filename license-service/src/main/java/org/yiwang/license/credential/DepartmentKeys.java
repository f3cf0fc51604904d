package org.yiwang.license.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.license.LicenseProperties;

import org.springframework.stereotype.Component;

/**
 * The departments' ES256 signing keys, in a PKCS12 keystore created at first start under
 * {@code platform.license.keys-dir} (never in the repository). Each department gets its key on first use; a
 * rotation adds a newer key that signs from then on, while older keys stay in the keystore and in the JWKS so that
 * licences signed earlier remain verifiable. Key ids are {@code <issuer id>#key-<serial>}, so an offline verifier
 * can tell from the JWKS alone which department a key belongs to.
 *
 * <p>
 * One writer per keys directory: the keystore is rewritten atomically, but two service instances creating keys
 * for the same directory at the same moment are not coordinated.
 */
@Component
public class DepartmentKeys {

	private static final Logger log = LoggerFactory.getLogger(DepartmentKeys.class);

	private static final String KEYSTORE = "license-keys.p12";

	private static final String PASSWORD_FILE = "keystore.password";

	private final Path keystoreFile;

	private final char[] password;

	private final KeyStore keyStore;

	/** Immutable snapshot: department → keys, oldest first (the last one signs). */
	private volatile Map<String, List<ECKey>> keys = Map.of();

	private volatile Map<String, ECKey> byKid = Map.of();

	public DepartmentKeys(LicenseProperties properties) {
		try {
			Path dir = properties.keysDir().toAbsolutePath();
			createPrivateDirectory(dir);
			this.keystoreFile = dir.resolve(KEYSTORE);
			this.password = password(dir, properties.keystorePassword());
			this.keyStore = KeyStore.getInstance("PKCS12");
			if (Files.exists(keystoreFile)) {
				try (InputStream in = Files.newInputStream(keystoreFile)) {
					keyStore.load(in, password);
				}
			}
			else {
				keyStore.load(null, password);
				store();
				log.info("created licence signing keystore {}", keystoreFile);
			}
			reload();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot open the licence signing keystore: " + ex.getMessage(), ex);
		}
	}

	/** The issuer id of a department, used as the credential's {@code issuer}. */
	public static String issuerId(String department) {
		return "urn:yiwang:department:" + department;
	}

	/** The department a key id belongs to, or null when the id does not follow the platform's pattern. */
	public static String departmentOfKid(String kid) {
		String prefix = "urn:yiwang:department:";
		int hash = kid == null ? -1 : kid.indexOf('#');
		if (hash < 0 || !kid.startsWith(prefix)) {
			return null;
		}
		return kid.substring(prefix.length(), hash);
	}

	/** The key a department signs with now; created on first use. */
	public ECKey activeKey(String department) {
		List<ECKey> own = keys.get(department);
		if (own == null || own.isEmpty()) {
			return create(department);
		}
		return own.get(own.size() - 1);
	}

	/** A new key becomes the department's signing key; older keys stay for verification. */
	public ECKey rotate(String department) {
		return create(department);
	}

	public Optional<ECKey> publicKey(String kid) {
		return Optional.ofNullable(byKid.get(kid)).map(ECKey::toPublicJWK);
	}

	/** All departments' public keys. */
	public JWKSet publicJwks() {
		List<JWK> all = new ArrayList<>();
		keys.values().forEach(list -> list.forEach(k -> all.add(k.toPublicJWK())));
		return new JWKSet(all);
	}

	public JWKSet publicJwks(String department) {
		return new JWKSet(keys.getOrDefault(department, List.of()).stream().map(k -> (JWK) k.toPublicJWK()).toList());
	}

	public boolean knows(String department) {
		return keys.containsKey(department);
	}

	private synchronized ECKey create(String department) {
		if (!department.matches("[A-Z0-9]{1,16}")) {
			throw new IllegalArgumentException("not a department code: " + department);
		}
		try {
			long serial = 1 + byKid.values()
				.stream()
				.mapToLong(k -> Long.parseLong(k.getKeyID().substring(k.getKeyID().lastIndexOf('-') + 1)))
				.max()
				.orElse(0);
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			X500Principal name = new X500Principal("CN=Yiwang licence signing key " + serial + ",OU=" + department
					+ ",O=Yiwang");
			Instant now = Instant.now();
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial), Date.from(now),
						Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
			keyStore.setKeyEntry(alias(serial), pair.getPrivate(), password, new Certificate[] { certificate });
			store();
			reload();
			ECKey created = activeKey(department);
			log.info("new licence signing key {} for department {}", created.getKeyID(), department);
			return created;
		}
		catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException ex) {
			throw new IllegalStateException("cannot create a signing key for " + department, ex);
		}
	}

	private static String alias(long serial) {
		return String.format("key-%06d", serial);
	}

	private void reload() throws GeneralSecurityException {
		Map<String, List<ECKey>> loaded = new HashMap<>();
		Map<String, ECKey> index = new HashMap<>();
		for (String alias : Collections.list(keyStore.aliases())) {
			if (!keyStore.isKeyEntry(alias)) {
				continue;
			}
			X509Certificate certificate = (X509Certificate) keyStore.getCertificate(alias);
			String department = department(certificate.getSubjectX500Principal());
			long serial = certificate.getSerialNumber().longValue();
			PrivateKey privateKey = (PrivateKey) keyStore.getKey(alias, password);
			ECKey key = new ECKey.Builder(Curve.P_256, (ECPublicKey) certificate.getPublicKey())
				.privateKey((ECPrivateKey) privateKey)
				.keyID(issuerId(department) + "#key-" + serial)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.issueTime(certificate.getNotBefore())
				.build();
			loaded.computeIfAbsent(department, d -> new ArrayList<>()).add(key);
			index.put(key.getKeyID(), key);
		}
		loaded.values().forEach(list -> list.sort(Comparator.comparingLong(
				k -> Long.parseLong(k.getKeyID().substring(k.getKeyID().lastIndexOf('-') + 1)))));
		Map<String, List<ECKey>> frozen = new HashMap<>();
		loaded.forEach((d, list) -> frozen.put(d, List.copyOf(list)));
		this.keys = Map.copyOf(frozen);
		this.byKid = Map.copyOf(index);
	}

	private static String department(X500Principal principal) {
		try {
			for (Rdn rdn : new LdapName(principal.getName()).getRdns()) {
				if ("OU".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
		}
		catch (InvalidNameException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("signing key without department: " + principal);
	}

	private void store() throws IOException, GeneralSecurityException {
		Path temporary = keystoreFile.resolveSibling(KEYSTORE + ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			keyStore.store(out, password);
		}
		restrict(temporary);
		Files.move(temporary, keystoreFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static char[] password(Path dir, String configured) throws IOException {
		if (configured != null && !configured.isBlank()) {
			return configured.toCharArray();
		}
		Path file = dir.resolve(PASSWORD_FILE);
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(file);
			}
			Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
			log.info("generated licence keystore password in {}", file);
		}
		return Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
	}

	private static void createPrivateDirectory(Path dir) throws IOException {
		Files.createDirectories(dir);
		try {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; rely on the directory's ACLs
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; rely on the directory's ACLs
		}
	}

}
