package org.yiwang.license.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: one bit per licence position, index 0 being the left-most (most significant) bit of
 * the first byte, GZIP-compressed and multibase base64url encoded ({@code u} prefix, no padding). The length is the
 * specification's minimum of 131,072 entries, which is what gives holders herd privacy: a verifier fetching the
 * list learns nothing about which licence it checks.
 */
public final class BitstringStatusList {

	public static final int SIZE = 131_072;

	private final byte[] bits;

	private BitstringStatusList(byte[] bits) {
		this.bits = bits;
	}

	public static BitstringStatusList empty() {
		return new BitstringStatusList(new byte[SIZE / 8]);
	}

	public static BitstringStatusList decode(String encodedList) {
		if (encodedList == null || !encodedList.startsWith("u")) {
			throw new IllegalArgumentException("encodedList must be multibase base64url (prefix u)");
		}
		try (GZIPInputStream in = new GZIPInputStream(
				new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
			byte[] bits = in.readNBytes(16 * SIZE / 8);
			if (bits.length == 0) {
				throw new IllegalArgumentException("status list is empty");
			}
			return new BitstringStatusList(bits);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("encodedList is not a GZIP bitstring", ex);
		}
	}

	public BitstringStatusList set(int index) {
		check(index);
		bits[index / 8] |= (byte) (0x80 >>> (index % 8));
		return this;
	}

	public boolean get(int index) {
		check(index);
		return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
	}

	public int size() {
		return bits.length * 8;
	}

	public String encode() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
			gzip.write(bits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.toByteArray());
	}

	private void check(int index) {
		if (index < 0 || index >= bits.length * 8) {
			throw new IllegalArgumentException("status index " + index + " outside the list");
		}
	}

}
