package org.yiwang.bench.http;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request, serialised once and sent many times over kept-alive connections. Only loopback targets are
 * accepted: the bench never sends load anywhere else.
 *
 * @param method GET, POST, ...
 * @param uri absolute {@code http://} URI
 * @param headers extra headers (Authorization, Content-Type, ...)
 * @param body request body, empty for none
 */
public record HttpRequestSpec(String method, URI uri, Map<String, String> headers, byte[] body) {

	public HttpRequestSpec {
		if (!"http".equals(uri.getScheme())) {
			throw new IllegalArgumentException("only http:// targets: " + uri);
		}
		headers = Map.copyOf(headers);
		address(uri);
	}

	public static HttpRequestSpec get(String url, String bearer) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (bearer != null) {
			headers.put("Authorization", "Bearer " + bearer);
		}
		headers.put("Accept", "application/json");
		return new HttpRequestSpec("GET", URI.create(url), headers, new byte[0]);
	}

	public static HttpRequestSpec postJson(String url, String json) {
		return new HttpRequestSpec("POST", URI.create(url),
				Map.of("Content-Type", "application/json", "Accept", "application/json"),
				json.getBytes(StandardCharsets.UTF_8));
	}

	/** Refuses anything but a loopback {@code http://} URL: the bench never sends requests elsewhere. */
	public static URI requireLoopback(String url) {
		URI uri = URI.create(url);
		address(uri);
		return uri;
	}

	/** The loopback address to connect to ({@code localhost} is taken as 127.0.0.1, never ::1). */
	public InetAddress address() {
		return address(uri);
	}

	public int port() {
		return uri.getPort() > 0 ? uri.getPort() : 80;
	}

	/** The bytes on the wire. */
	public byte[] wire() {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			path += "?" + uri.getRawQuery();
		}
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(uri.getHost()).append(':').append(port()).append("\r\n");
		head.append("User-Agent: yiwang-bench\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body.length > 0 || !"GET".equals(method)) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		bytes.writeBytes(body);
		return bytes.toByteArray();
	}

	private static InetAddress address(URI uri) {
		try {
			InetAddress address = "localhost".equalsIgnoreCase(uri.getHost()) ? InetAddress.getByName("127.0.0.1")
					: InetAddress.getByName(uri.getHost());
			if (!address.isLoopbackAddress()) {
				throw new IllegalArgumentException("the bench only targets loopback addresses, not " + uri.getHost());
			}
			return address;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("unknown host " + uri.getHost(), ex);
		}
	}

}
