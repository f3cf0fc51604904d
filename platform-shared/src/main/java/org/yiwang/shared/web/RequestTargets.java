package org.yiwang.shared.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The platform's rule for query strings, shared by the servlet services and the gateway: every {@code %} starts a
 * two-hex-digit escape, and the decoded bytes of each name and value are UTF-8. A query that breaks it is a client
 * mistake (400 naming the parameter), never a 500 from the container's parameter parser.
 */
public final class RequestTargets {

	private RequestTargets() {
	}

	/** The first parameter of the raw (still encoded) query that is not decodable, or null when all are. */
	public static Problems.FieldError queryProblem(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return null;
		}
		for (String pair : rawQuery.split("&", -1)) {
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			String decodedName = decode(name);
			if (decodedName == null) {
				return new Problems.FieldError("query", "a parameter name is not valid percent-encoded UTF-8");
			}
			if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
				return new Problems.FieldError(decodedName.isEmpty() ? "query" : abbreviate(decodedName),
						"must be valid percent-encoded UTF-8");
			}
		}
		return null;
	}

	/** The decoded text (with {@code +} as a space), or null if an escape is malformed or the bytes are not UTF-8. */
	static String decode(String encoded) {
		byte[] bytes = new byte[encoded.length()];
		int length = 0;
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length()) {
					return null;
				}
				int high = Character.digit(encoded.charAt(i + 1), 16);
				int low = Character.digit(encoded.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes[length++] = (byte) ((high << 4) + low);
				i += 2;
			}
			else if (c > 0x7f) {
				return null;
			}
			else {
				bytes[length++] = (byte) (c == '+' ? ' ' : c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static String abbreviate(String name) {
		return name.length() > 60 ? name.substring(0, 60) : name;
	}

}
