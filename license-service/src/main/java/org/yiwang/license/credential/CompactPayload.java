package org.yiwang.license.credential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The QR form of a licence: {@code YW1:} + base64url(DEFLATE(header "." payload JSON "." signature)). The payload
 * is compressed as raw JSON (base64url text hardly compresses), and the exact JWS is rebuilt from it, so the QR
 * carries the full signed credential and verifies OFFLINE like the JWS itself; it is about half the JWS's size.
 */
public final class CompactPayload {

	public static final String PREFIX = "YW1:";

	private static final int MAX_INFLATED = 64 * 1024;

	private CompactPayload() {
	}

	public static boolean isCompact(String input) {
		return input != null && input.startsWith(PREFIX);
	}

	public static String encode(String jws) {
		String[] parts = jws.split("\\.");
		if (parts.length != 3) {
			throw new IllegalArgumentException("not a compact JWS");
		}
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		byte[] raw = (parts[0] + "." + payload + "." + parts[2]).getBytes(StandardCharsets.UTF_8);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(raw);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
	}

	/** The JWS inside a QR payload; IllegalArgumentException when it is not one. */
	public static String decode(String compact) {
		if (!isCompact(compact)) {
			throw new IllegalArgumentException("not a YW1 payload");
		}
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(Base64.getUrlDecoder().decode(compact.substring(PREFIX.length())));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalArgumentException("truncated YW1 payload");
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_INFLATED) {
					throw new IllegalArgumentException("YW1 payload too large");
				}
			}
			String text = out.toString(StandardCharsets.UTF_8);
			int first = text.indexOf('.');
			int last = text.lastIndexOf('.');
			if (first < 0 || last <= first) {
				throw new IllegalArgumentException("YW1 payload is not a JWS");
			}
			return text.substring(0, first) + "." + Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(text.substring(first + 1, last).getBytes(StandardCharsets.UTF_8)) + "."
					+ text.substring(last + 1);
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("YW1 payload is not DEFLATE data", ex);
		}
		finally {
			inflater.end();
		}
	}

}
