package org.yiwang.identity.pii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys (by key id, one of them active) and the search-hash key. Ciphertexts name the key that made them,
 * so after a rotation old values still decrypt and are re-encrypted with the active key at leisure. Keys come
 * from the environment or from a key directory created at first start (files mode 600, directory 700).
 */
public final class KeyRing {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, SecretKey> dataKeys;

	private final String activeKeyId;

	private final SecretKey hashKey;

	private final Path keyDir;

	private KeyRing(Map<String, SecretKey> dataKeys, String activeKeyId, SecretKey hashKey, Path keyDir) {
		this.dataKeys = Map.copyOf(dataKeys);
		this.activeKeyId = activeKeyId;
		this.hashKey = hashKey;
		this.keyDir = keyDir;
	}

	public static KeyRing load(PiiProperties properties) {
		boolean fromEnvironment = properties.key() != null && !properties.key().isBlank();
		Map<String, SecretKey> dataKeys = new LinkedHashMap<>();
		String active;
		if (fromEnvironment) {
			for (String entry : properties.key().split(",")) {
				String trimmed = entry.strip();
				int colon = trimmed.indexOf(':');
				byte[] bytes = decode(colon > 0 ? trimmed.substring(colon + 1) : trimmed, "IDENTITY_PII_KEY");
				String kid = colon > 0 ? trimmed.substring(0, colon) : "env-" + fingerprint(bytes);
				dataKeys.put(kid, aes(bytes));
			}
			active = dataKeys.keySet().iterator().next();
		}
		else {
			Path dir = prepare(properties.keyDir());
			Path activeFile = dir.resolve("active");
			if (!Files.exists(activeFile)) {
				String kid = newKeyId();
				writeSecret(dir.resolve(kid + ".key"), randomKey());
				writeSecret(activeFile, kid.getBytes(StandardCharsets.UTF_8));
			}
			try (Stream<Path> files = Files.list(dir)) {
				for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key")
						&& !f.getFileName().toString().equals("search-hash.key")).sorted().toList()) {
					String name = file.getFileName().toString();
					dataKeys.put(name.substring(0, name.length() - 4), aes(readSecret(file)));
				}
				active = Files.readString(activeFile).strip();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!dataKeys.containsKey(active)) {
				throw new IllegalStateException("the active PII key " + active + " is missing in " + dir);
			}
		}
		SecretKey hash;
		if (properties.hashKey() != null && !properties.hashKey().isBlank()) {
			hash = new SecretKeySpec(decode(properties.hashKey().strip(), "IDENTITY_PII_HASH_KEY"), "HmacSHA256");
		}
		else {
			Path dir = prepare(properties.keyDir());
			Path file = dir.resolve("search-hash.key");
			if (!Files.exists(file)) {
				writeSecret(file, randomKey());
			}
			hash = new SecretKeySpec(readSecret(file), "HmacSHA256");
		}
		return new KeyRing(dataKeys, active, hash, fromEnvironment ? null : properties.keyDir());
	}

	/**
	 * A new active data key in the key directory; the old keys stay for decryption. Keys given by the environment
	 * are rotated by the operator (put the new key first in {@code IDENTITY_PII_KEY}).
	 */
	public KeyRing rotate() {
		if (keyDir == null) {
			throw new IllegalStateException("PII keys come from IDENTITY_PII_KEY: rotate them there");
		}
		String kid = newKeyId();
		writeSecret(keyDir.resolve(kid + ".key"), randomKey());
		writeSecret(keyDir.resolve("active"), kid.getBytes(StandardCharsets.UTF_8));
		Map<String, SecretKey> keys = new LinkedHashMap<>(dataKeys);
		keys.put(kid, aes(readSecret(keyDir.resolve(kid + ".key"))));
		return new KeyRing(keys, kid, hashKey, keyDir);
	}

	public boolean rotatable() {
		return keyDir != null;
	}

	String activeKeyId() {
		return activeKeyId;
	}

	SecretKey activeKey() {
		return dataKeys.get(activeKeyId);
	}

	SecretKey dataKey(String kid) {
		SecretKey key = dataKeys.get(kid);
		if (key == null) {
			throw new IllegalStateException("unknown PII key id " + kid);
		}
		return key;
	}

	SecretKey hashKey() {
		return hashKey;
	}

	private static String newKeyId() {
		return "k" + Instant.now().toEpochMilli() + "-" + HexFormat.of().formatHex(randomBytes(3));
	}

	private static byte[] randomKey() {
		return Base64.getEncoder().encode(randomBytes(32));
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static SecretKey aes(byte[] bytes) {
		if (bytes.length != 32 && bytes.length != 16 && bytes.length != 24) {
			throw new IllegalStateException("a PII data key is 128, 192 or 256 bits");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static byte[] decode(String base64, String name) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not base64");
		}
	}

	private static String fingerprint(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path prepare(Path dir) {
		try {
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir);
				restrict(dir, "rwx------");
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeSecret(Path file, byte[] content) {
		try {
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.deleteIfExists(temp);
			Files.createFile(temp);
			restrict(temp, "rw-------");
			Files.write(temp, content);
			Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readSecret(Path file) {
		try {
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void restrict(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: rely on the directory's ACLs
		}
	}

}
