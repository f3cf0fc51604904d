package org.yiwang.bench.theme;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The bench only ever talks to the machine it runs on: every address it is given is checked before the first
 * request, and anything that does not resolve to a loopback address is refused.
 */
public final class Loopback {

	private Loopback() {
	}

	/** An http(s) URL whose host is a loopback address. */
	public static String url(String url) {
		URI uri = URI.create(url);
		host(uri.getHost(), url);
		return url;
	}

	/** Kafka's {@code host:port[,host:port]}. */
	public static String bootstrap(String servers) {
		for (String server : servers.split(",")) {
			String trimmed = server.trim();
			int colon = trimmed.lastIndexOf(':');
			host(colon > 0 ? trimmed.substring(0, colon) : trimmed, servers);
		}
		return servers;
	}

	/** A {@code mongodb://[user:pass@]host[:port][,host...]/...} connection string. */
	public static String mongoUri(String uri) {
		if (!uri.startsWith("mongodb://")) {
			throw new IllegalArgumentException("only mongodb:// URIs on loopback are used by the bench, got " + uri);
		}
		String rest = uri.substring("mongodb://".length());
		int slash = rest.indexOf('/');
		String hosts = slash >= 0 ? rest.substring(0, slash) : rest;
		int at = hosts.lastIndexOf('@');
		if (at >= 0) {
			hosts = hosts.substring(at + 1);
		}
		int query = hosts.indexOf('?');
		if (query >= 0) {
			hosts = hosts.substring(0, query);
		}
		for (String host : hosts.split(",")) {
			String h = host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.replaceAll(":\\d+$", "");
			host(h, "MongoDB URI");
		}
		return uri;
	}

	static void host(String host, String what) {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("no host in " + what);
		}
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		try {
			for (InetAddress address : InetAddress.getAllByName(bare)) {
				if (!address.isLoopbackAddress()) {
					throw new IllegalArgumentException(
							"the bench targets loopback addresses only; " + what + " resolves to " + address);
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("cannot resolve " + bare + " in " + what, ex);
		}
	}

}
