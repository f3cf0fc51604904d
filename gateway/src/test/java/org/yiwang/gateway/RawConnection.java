package org.yiwang.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP/1.1 connection over a plain socket, for what no HTTP client sends ({@code %zz}, a method {@code FOO}, a
 * 70,000-character request line, 20 KB of headers) and for keep-alive: the bytes go out as written, each answer is
 * read by its own framing (Content-Length, chunked, or until the server closes), so a second request on the same
 * connection shows whether the first answer was framed correctly.
 */
final class RawConnection implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	RawConnection(int port, Duration readTimeout) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout((int) readTimeout.toMillis());
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/** One request on a fresh connection that the server is asked to close after answering. */
	static Response exchange(int port, String method, String target, Map<String, String> headers) {
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.putIfAbsent("Connection", "close");
			connection.send(method, target, all, null);
			return connection.read(method.equals("HEAD"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + abbreviate(target) + ": " + ex, ex);
		}
	}

	void send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(socket.getPort()).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		sendRaw(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			sendRaw(body);
		}
	}

	void sendRaw(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	/** The next answer on this connection; {@code head} if it answers a HEAD request (no body whatever the headers). */
	Response read(boolean head) throws IOException {
		ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed before a complete answer head: "
						+ headBytes.toString(StandardCharsets.ISO_8859_1));
			}
			headBytes.write(b);
			matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
					? matched + 1 : (b == '\r' ? 1 : 0);
		}
		String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body;
		if (head || status == 204 || status == 304) {
			body = new byte[0];
		}
		else if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk();
		}
		else {
			body = in.readAllBytes();
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	/** Whether the server has closed this connection (EOF within the read time-out). */
	boolean closedByServer() throws IOException {
		try {
			return in.read() < 0;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// reset
			return true;
		}
	}

	/** Everything the server sends until it closes the connection (or the read time-out passes: then an exception). */
	byte[] readToEnd() throws IOException {
		return in.readAllBytes();
	}

	private byte[] dechunk() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line();
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				while (!line().isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			line();
		}
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	static String abbreviate(String text) {
		return text.length() > 100 ? text.substring(0, 100) + "…(" + text.length() + ")" : text;
	}

	/** An answer: status, headers (lower-case names), body as text. */
	record Response(int status, Map<String, String> headers, String body) {

		String contentType() {
			return headers.getOrDefault("content-type", "");
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + headers + " " + abbreviate(body);
		}

	}

}
