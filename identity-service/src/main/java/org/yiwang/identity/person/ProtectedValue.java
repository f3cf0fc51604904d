package org.yiwang.identity.person;

/**
 * A personal number as stored: AES-GCM ciphertext (with key id), keyed search hash, masked display form. The plain
 * value is never part of it.
 */
public record ProtectedValue(String cipher, String hash, String masked) {

	public ProtectedValue withCipher(String newCipher) {
		return new ProtectedValue(newCipher, hash, masked);
	}

}
