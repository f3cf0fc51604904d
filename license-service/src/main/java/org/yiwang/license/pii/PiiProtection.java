package org.yiwang.license.pii;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.license.LicenseProperties;
import org.yiwang.shared.identity.IdNumbers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protection of citizens' ID numbers at rest: AES-256-GCM encryption (random 96-bit nonce per value), a keyed hash
 * (HMAC-SHA256) to find a holder's licences by ID number without decrypting, and the masked form for views. Both
 * keys are derived from one 256-bit master key: {@code LICENSE_PII_KEY} (base64) when set, else {@code pii.key}
 * generated at first start in the signing keys directory (owner-only file), so the data key lives beside, never
 * inside, the database.
 */
@Component
public class PiiProtection {

	private static final Logger log = LoggerFactory.getLogger(PiiProtection.class);

	static final String PREFIX = "aesgcm1:";

	private static final String KEY_FILE = "pii.key";

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	PiiProtection(LicenseProperties properties, @Value("${platform.license.pii-key:${LICENSE_PII_KEY:}}") String key) {
		byte[] master = master(properties.keysDir().toAbsolutePath(), key);
		this.encryptionKey = new SecretKeySpec(derive(master, "yiwang-license-pii-encryption"), "AES");
		this.hashKey = new SecretKeySpec(derive(master, "yiwang-license-pii-hash"), "HmacSHA256");
	}

	/** {@code aesgcm1:} + base64(nonce ‖ ciphertext ‖ tag). */
	public String encrypt(String plain) {
		try {
			byte[] nonce = new byte[12];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt", ex);
		}
	}

	/** The plain text; a value stored before encryption (no prefix) is returned as it is. */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("cannot decrypt a protected value (wrong key?)", ex);
		}
	}

	/** The keyed hash of an ID number (normalised: trailing x → X), hex. */
	public String hashIdNumber(String idNumber) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return HexFormat.of()
				.formatHex(mac.doFinal(IdNumbers.normalise(idNumber).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot hash", ex);
		}
	}

	public static String mask(String idNumber) {
		return IdNumbers.mask(idNumber);
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] master(Path dir, String configured) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.trim());
			if (key.length < 32) {
				throw new IllegalStateException("LICENSE_PII_KEY must be at least 32 bytes (base64)");
			}
			return key;
		}
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve(KEY_FILE);
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				try {
					Files.createFile(file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				catch (UnsupportedOperationException ex) {
					Files.createFile(file);
				}
				Files.writeString(file, Base64.getEncoder().encodeToString(key));
				log.info("generated the ID number protection key in {}", file);
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).trim());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read or create the ID number protection key " + dir.resolve(KEY_FILE)
					+ " (read-only keys directory? set LICENSE_PII_KEY or provide pii.key there)", ex);
		}
	}

}
