package org.yiwang.bench.theme;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls through the gateway as a well-behaved client: a 429 is waited out for its {@code Retry-After} and sent
 * again, a 503 (or 502/504, or no connection at all, e.g. while the platform restarts) is sent again after a
 * growing pause, a 401 fetches a fresh token once. Every loop is bounded; what it cost is counted per call and in
 * total.
 */
final class GatewayCalls {

	/** The final answer of one call, with what it took to get it. */
	record Answer(int status, String body, String replayed, int tooMany, int unavailable, long firstSentNanos,
			long lastSentNanos, long answeredNanos) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		/** Round trip of the attempt that got the final answer. */
		long lastAttemptNanos() {
			return answeredNanos - lastSentNanos;
		}

	}

	static final int MAX_WAITS_FOR_429 = 120;

	static final int MAX_RETRIES_UNAVAILABLE = 8;

	final LongAdder tooMany = new LongAdder();

	final LongAdder unavailable = new LongAdder();

	final LongAdder connectionErrors = new LongAdder();

	private final HttpClient http;

	private final String gatewayUrl;

	GatewayCalls(HttpClient http, String gatewayUrl) {
		this.http = http;
		this.gatewayUrl = Loopback.url(gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1)
				: gatewayUrl);
	}

	static HttpClient newClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Answer post(String path, String json, TokenSource token, Map<String, String> headers) {
		return call("POST", path, json, token, headers);
	}

	Answer get(String path, TokenSource token) {
		return call("GET", path, null, token, Map.of());
	}

	Answer delete(String path, TokenSource token) {
		return call("DELETE", path, null, token, Map.of());
	}

	private Answer call(String method, String path, String json, TokenSource token, Map<String, String> headers) {
		int waits = 0;
		int failures = 0;
		boolean renewed = false;
		long first = 0;
		while (true) {
			String bearer = token.bearer();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + bearer)
				.header("Accept", "application/json");
			headers.forEach(request::header);
			if (json != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			long sent = System.nanoTime();
			first = first == 0 ? sent : first;
			HttpResponse<String> response;
			try {
				response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				connectionErrors.increment();
				unavailable.increment();
				if (++failures > MAX_RETRIES_UNAVAILABLE) {
					return new Answer(-1, ex.toString(), null, waits, failures, first, sent, System.nanoTime());
				}
				Backoff.sleep(backoff(failures));
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new java.util.concurrent.CancellationException("interrupted");
			}
			long answered = System.nanoTime();
			int status = response.statusCode();
			if (status == 401 && !renewed) {
				renewed = true;
				token.refused(bearer);
				continue;
			}
			if (status == 429 && waits < MAX_WAITS_FOR_429) {
				waits++;
				tooMany.increment();
				long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
				Backoff.sleep(Math.max(1, seconds) * 1000 + ThreadLocalRandom.current().nextLong(250));
				continue;
			}
			if ((status == 502 || status == 503 || status == 504) && failures < MAX_RETRIES_UNAVAILABLE) {
				failures++;
				unavailable.increment();
				Backoff.sleep(backoff(failures));
				continue;
			}
			return new Answer(status, response.body(), response.headers().firstValue("Idempotent-Replayed").orElse(null),
					waits, failures, first, sent, answered);
		}
	}

	private static long backoff(int failure) {
		long base = Math.min(5_000, 250L << Math.min(failure - 1, 5));
		return base + ThreadLocalRandom.current().nextLong(base / 4 + 1);
	}

}
