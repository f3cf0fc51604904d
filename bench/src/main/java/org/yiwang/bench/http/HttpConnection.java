package org.yiwang.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection: writes a request, reads the whole response (Content-Length, chunked, or up to
 * the connection's end), and reconnects only when the server closed or asked to close. Small on purpose: the load
 * generator shares the machine with what it measures.
 */
final class HttpConnection implements AutoCloseable {

	private final HttpRequestSpec request;

	private final byte[] wire;

	private final int timeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private int opened;

	HttpConnection(HttpRequestSpec request, int timeoutMillis) {
		this.request = request;
		this.wire = request.wire();
		this.timeoutMillis = timeoutMillis;
	}

	/** Connections opened so far (1 when the server kept the connection alive the whole time). */
	int opened() {
		return opened;
	}

	void connect() throws IOException {
		close();
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(timeoutMillis);
		socket.connect(new InetSocketAddress(request.address(), request.port()), timeoutMillis);
		in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		out = socket.getOutputStream();
		opened++;
	}

	/**
	 * Sends the request and reads the response.
	 * @param keepBody whether to return the body (else it is read and dropped)
	 */
	Response exchange(boolean keepBody) throws IOException {
		boolean reused = socket != null && !socket.isClosed();
		if (!reused) {
			connect();
		}
		String statusLine;
		try {
			statusLine = send();
		}
		catch (IOException ex) {
			if (!reused) {
				throw ex;
			}
			// the server closed the idle kept-alive connection before this request reached it: once more, anew
			connect();
			statusLine = send();
		}
		int firstSpace = statusLine.indexOf(' ');
		int status = Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
		long length = -1;
		boolean chunked = false;
		boolean close = statusLine.startsWith("HTTP/1.0");
		String header;
		while (!(header = line()).isEmpty()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
		boolean noBody = status == 204 || status == 304 || status / 100 == 1 || "HEAD".equals(request.method());
		if (!noBody) {
			if (chunked) {
				readChunked(body);
			}
			else if (length >= 0) {
				copy(length, body);
			}
			else {
				copy(Long.MAX_VALUE, body);
				close = true;
			}
		}
		if (close) {
			close();
		}
		return new Response(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
	}

	/** Writes the request, returns the status line; fails when the connection turns out closed before it. */
	private String send() throws IOException {
		out.write(wire);
		out.flush();
		String statusLine = line();
		if (statusLine.isEmpty()) {
			throw new EOFException("connection closed before a status line");
		}
		return statusLine;
	}

	private void readChunked(ByteArrayOutputStream body) throws IOException {
		while (true) {
			String sizeLine = line();
			int extension = sizeLine.indexOf(';');
			long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
			if (size == 0) {
				while (!line().isEmpty()) {
					// trailers
				}
				return;
			}
			copy(size, body);
			line();
		}
	}

	private void copy(long count, ByteArrayOutputStream body) throws IOException {
		byte[] buffer = new byte[8192];
		long left = count;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				if (count == Long.MAX_VALUE) {
					return;
				}
				throw new EOFException("connection closed inside a body");
			}
			if (body != null) {
				body.write(buffer, 0, read);
			}
			left -= read;
		}
	}

	/** A header line without its CRLF; empty at the blank line (or at the end of the stream). */
	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		int c;
		while ((c = in.read()) >= 0) {
			if (c == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) c);
		}
		if (line.length() == 0) {
			return "";
		}
		throw new EOFException("connection closed inside a header");
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			socket = null;
		}
	}

	record Response(int status, String body) {
	}

}
