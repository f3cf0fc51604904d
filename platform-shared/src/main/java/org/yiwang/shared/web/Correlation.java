package org.yiwang.shared.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The correlation context of the current thread, kept in the logging MDC so that every log line carries it
 * ({@code correlationId}, and {@code causationId} while an event is being consumed).
 */
public final class Correlation {

	public static final String HEADER = "X-Correlation-Id";

	public static final String MDC_KEY = "correlationId";

	public static final String CAUSATION_MDC_KEY = "causationId";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private Correlation() {
	}

	public static String current() {
		return MDC.get(MDC_KEY);
	}

	public static String currentOrNew() {
		String current = current();
		return current != null ? current : newId();
	}

	public static String causation() {
		return MDC.get(CAUSATION_MDC_KEY);
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * For {@code RestClient}s calling other platform services: the current correlation id travels as
	 * {@code X-Correlation-Id}, so one user action can be followed across services in the logs.
	 */
	public static org.springframework.http.client.ClientHttpRequestInterceptor propagating() {
		return (request, body, next) -> {
			String correlation = current();
			if (correlation != null) {
				request.getHeaders().set(HEADER, correlation);
			}
			return next.execute(request, body);
		};
	}

	/** A client-supplied id is used only if it is short and harmless in logs and headers. */
	public static String sanitize(String candidate) {
		return candidate != null && SAFE.matcher(candidate).matches() ? candidate : newId();
	}

	public static Scope open(String correlationId, String causationId) {
		String previousCorrelation = MDC.get(MDC_KEY);
		String previousCausation = MDC.get(CAUSATION_MDC_KEY);
		put(MDC_KEY, correlationId != null ? correlationId : newId());
		put(CAUSATION_MDC_KEY, causationId);
		return () -> {
			put(MDC_KEY, previousCorrelation);
			put(CAUSATION_MDC_KEY, previousCausation);
		};
	}

	private static void put(String key, String value) {
		if (value == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, value);
		}
	}

	/** Restores the previous correlation context when closed. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
