package org.yiwang.identity.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts personal numbers at rest (AES-GCM, 96-bit random IV, the field name as associated data so a ciphertext
 * cannot be moved to another field) and derives keyed search hashes (HMAC-SHA256) so a number can be found and
 * kept unique without being stored in the clear. Ciphertext format: {@code v1:<key id>:<base64(iv|ciphertext)>}.
 */
public class PiiProtector {

	private static final SecureRandom RANDOM = new SecureRandom();

	private volatile KeyRing keys;

	public PiiProtector(KeyRing keys) {
		this.keys = keys;
	}

	public String encrypt(String field, String plain) {
		KeyRing ring = keys;
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, ring.activeKey(), new GCMParameterSpec(128, iv));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return "v1:" + ring.activeKeyId() + ":" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PII encryption failed", ex);
		}
	}

	public String decrypt(String field, String ciphertext) {
		String[] parts = ciphertext.split(":", 3);
		if (parts.length != 3 || !parts[0].equals("v1")) {
			throw new IllegalStateException("not a PII ciphertext");
		}
		try {
			byte[] in = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, keys.dataKey(parts[1]), new GCMParameterSpec(128, in, 0, 12));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PII decryption failed (wrong key or tampered value)", ex);
		}
	}

	/** True when the value was encrypted with a key other than the active one. */
	public boolean needsReEncryption(String ciphertext) {
		return ciphertext != null && !ciphertext.startsWith("v1:" + keys.activeKeyId() + ":");
	}

	public String reEncrypt(String field, String ciphertext) {
		return encrypt(field, decrypt(field, ciphertext));
	}

	/** Keyed hash for lookups and unique indexes: equal numbers give equal hashes, nobody without the key can test guesses. */
	public String hash(String field, String plain) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(keys.hashKey());
			mac.update(field.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PII hashing failed", ex);
		}
	}

	public String activeKeyId() {
		return keys.activeKeyId();
	}

	/** Makes a new data key active (key directory only); existing values decrypt as before. */
	public synchronized String rotate() {
		keys = keys.rotate();
		return keys.activeKeyId();
	}

	public boolean rotatable() {
		return keys.rotatable();
	}

}
