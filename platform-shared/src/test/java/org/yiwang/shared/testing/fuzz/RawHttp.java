package org.yiwang.shared.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a request line can carry what {@link java.net.URI} and every HTTP client refuse
 * to send ({@code %ff}, {@code %zz}, {@code ..%2F}, 20,000-character paths): the bytes reach the server as written.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A status, the response headers (lower-case names) and the body as text. */
	public record Response(int status, Map<String, String> headers, String body) {

		public String contentType() {
			return headers.getOrDefault("content-type", "");
		}

	}

	public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			head.append("Host: 127.0.0.1:").append(port).append("\r\n");
			head.append("Connection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// the server may answer (413) and close before it has read everything: read its answer
				}
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + abbreviate(target) + ": " + ex, ex);
		}
	}

	static String abbreviate(String target) {
		return target.length() > 120 ? target.substring(0, 120) + "…(" + target.length() + " chars)" : target;
	}

	private static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		try {
			while ((n = in.read(buffer)) > 0) {
				all.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// connection reset after a complete answer
			if (all.size() == 0) {
				throw ex;
			}
		}
		byte[] bytes = all.toByteArray();
		int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IOException("no complete response head: " + new String(bytes, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			rest = dechunk(rest);
		}
		return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = 0;
		while (i < raw.length) {
			int lineEnd = indexOf(java.util.Arrays.copyOfRange(raw, i, raw.length), "\r\n".getBytes());
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(raw, i, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
			i += lineEnd + 2;
			if (size == 0) {
				break;
			}
			out.write(raw, i, Math.min(size, raw.length - i));
			i += size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
