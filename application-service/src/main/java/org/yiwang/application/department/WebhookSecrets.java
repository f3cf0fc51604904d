package org.yiwang.application.department;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts webhook signing secrets at rest, so a copy of the database (a backup, a read-only replica, a leaked
 * dump) is not enough to forge deliveries a department's system would trust. AES-256-GCM, stored as
 * {@code v1:<keyId>:<base64(iv|ciphertext+tag)>} with the subscription id as associated data (a sealed secret
 * moved to another subscription does not open). The key id in front lets keys rotate: older keys stay in the ring
 * for decryption and {@link WebhookSecretsMigration} re-seals everything with the active key at startup. The plain
 * secret exists only in the registration answer and, briefly, when a delivery is signed.
 */
@Component
public class WebhookSecrets {

	static final String VERSION = "v1";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

	private final Map<String, SecretKey> keys;

	private final String activeKeyId;

	WebhookSecrets(WebhookKeyProperties properties) {
		Map<String, SecretKey> ring = new LinkedHashMap<>();
		if (properties.key() != null && !properties.key().isBlank()) {
			for (String entry : properties.key().split(",")) {
				String trimmed = entry.strip();
				if (!trimmed.isEmpty()) {
					fromEnvironment(trimmed, ring);
				}
			}
		}
		if (ring.isEmpty()) {
			fromKeyDir(properties.keyDir(), ring);
		}
		this.keys = Map.copyOf(ring);
		this.activeKeyId = ring.keySet().iterator().next();
	}

	/** The secret sealed with the active key, bound to the subscription. */
	public String seal(String subscriptionId, String secret) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(aad(subscriptionId));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	}

	/** Opens a sealed secret; fails (never returns garbage) for a tampered value or another subscription's. */
	public String open(String subscriptionId, String sealed) {
		String[] parts = sealed.split(":", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new IllegalStateException("not a sealed webhook secret");
		}
		SecretKey key = keys.get(parts[1]);
		if (key == null) {
			throw new IllegalStateException("webhook secret sealed with unknown key id " + parts[1]
					+ " (add the old key after the active one in APPLICATION_WEBHOOK_KEY)");
		}
		try {
			byte[] raw = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
			cipher.updateAAD(aad(subscriptionId));
			return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("webhook secret of " + subscriptionId + " does not open", ex);
		}
	}

	/** The secret to sign with: sealed ones are opened; a plain one (stored before encryption) is used as is. */
	String signingSecret(WebhookSubscription subscription) {
		return subscription.sealedSecret != null ? open(subscription.id, subscription.sealedSecret)
				: subscription.secret;
	}

	boolean sealedWithActiveKey(String sealed) {
		return sealed.startsWith(VERSION + ":" + activeKeyId + ":");
	}

	String activeKeyId() {
		return activeKeyId;
	}

	private static byte[] aad(String subscriptionId) {
		return ("webhook:" + subscriptionId).getBytes(StandardCharsets.UTF_8);
	}

	/** {@code kid:base64-32}, a bare base64-32 key, or any other string (SHA-256 derives the key). */
	private static void fromEnvironment(String entry, Map<String, SecretKey> ring) {
		int colon = entry.indexOf(':');
		if (colon > 0 && KEY_ID.matcher(entry.substring(0, colon)).matches()) {
			byte[] key = base64Key(entry.substring(colon + 1));
			if (key != null) {
				ring.putIfAbsent(entry.substring(0, colon), aes(key));
				return;
			}
		}
		byte[] key = base64Key(entry);
		if (key == null) {
			key = sha256(entry.getBytes(StandardCharsets.UTF_8));
		}
		ring.putIfAbsent("env-" + HexFormat.of().formatHex(sha256(key), 0, 4), aes(key));
	}

	private static byte[] base64Key(String value) {
		try {
			byte[] bytes = Base64.getDecoder().decode(value);
			return bytes.length == 32 ? bytes : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Like identity-service's key directory: {@code active} names the key, {@code <kid>.key} holds it (base64). */
	private static void fromKeyDir(Path dir, Map<String, SecretKey> ring) {
		try {
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir);
				restrict(dir, "rwx------");
			}
			Path activeFile = dir.resolve("active");
			if (!Files.exists(activeFile)) {
				byte[] suffix = new byte[3];
				RANDOM.nextBytes(suffix);
				String kid = "k" + Instant.now().toEpochMilli() + "-" + HexFormat.of().formatHex(suffix);
				byte[] key = new byte[32];
				RANDOM.nextBytes(key);
				writeSecret(dir.resolve(kid + ".key"), Base64.getEncoder().encode(key));
				writeSecret(activeFile, kid.getBytes(StandardCharsets.UTF_8));
			}
			String active = Files.readString(activeFile).strip();
			Path activeKey = dir.resolve(active + ".key");
			if (!KEY_ID.matcher(active).matches() || !Files.exists(activeKey)) {
				throw new IllegalStateException("the active webhook key " + active + " is missing in " + dir);
			}
			ring.put(active, aes(readKey(activeKey)));
			try (Stream<Path> files = Files.list(dir)) {
				for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key")).sorted().toList()) {
					String name = file.getFileName().toString();
					ring.putIfAbsent(name.substring(0, name.length() - 4), aes(readKey(file)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readKey(Path file) throws IOException {
		byte[] key = base64Key(Files.readString(file).strip());
		if (key == null) {
			throw new IllegalStateException(file + " does not hold a base64 256-bit key");
		}
		return key;
	}

	private static void writeSecret(Path file, byte[] content) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temp);
		Files.createFile(temp);
		restrict(temp, "rw-------");
		Files.write(temp, content);
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void restrict(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: rely on the directory's ACLs
		}
	}

	private static SecretKey aes(byte[] key) {
		return new SecretKeySpec(key, "AES");
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
