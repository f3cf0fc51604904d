package org.yiwang.application.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yiwang.application.peer.Peers;

import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * 法定代表人: the legal representative acts for their enterprise without any authorisation (agents need one, learnt
 * from {@code identity.events}). Who represents which enterprise is identity-service's knowledge, asked with the
 * caller's own token ({@code /me} lists the enterprises a person represents), through the same peer client and
 * circuit breaker as every other identity-service call. The answer is remembered for a minute per person (a newly
 * registered enterprise shows within a minute); identity-service being down is a 503 {@code peer-unavailable},
 * never a silent "no" that would hide a representative's own applications.
 */
@Component
public class LegalRepresentatives {

	static final Duration REMEMBER = Duration.ofSeconds(60);

	private final Peers peers;

	private final Clock clock;

	private final Map<String, Remembered> represented = new ConcurrentHashMap<>();

	LegalRepresentatives(Peers peers, Clock clock) {
		this.peers = peers;
		this.clock = clock;
	}

	/** Whether the caller of the current request is the legal representative of the enterprise. */
	public boolean represents(String subject, String uscc) {
		return enterprisesRepresented(subject).stream().anyMatch(e -> e.uscc().equals(uscc));
	}

	/** The represented enterprise's registered name, if the caller represents it. */
	public Optional<String> name(String subject, String uscc) {
		return enterprisesRepresented(subject).stream().filter(e -> e.uscc().equals(uscc)).map(Enterprise::name).findFirst();
	}

	/** The enterprises the caller of the current request represents. */
	public List<Enterprise> enterprisesRepresented(String subject) {
		Remembered known = represented.get(subject);
		Instant now = clock.instant();
		if (known != null && known.until().isAfter(now)) {
			return known.enterprises();
		}
		String bearer = Peers.callerBearer();
		Me me = peers.call("identity-service", () -> {
			try {
				return peers.identityAsCaller()
					.get()
					.uri("/api/v1/identity/me")
					.headers(h -> h.setBearerAuth(bearer))
					.retrieve()
					.body(Me.class);
			}
			catch (HttpClientErrorException ex) {
				return null;
			}
		});
		List<Enterprise> enterprises = me == null || me.enterprises() == null ? List.of()
				: me.enterprises().stream().filter(e -> "LEGAL_REPRESENTATIVE".equals(e.role())).toList();
		represented.put(subject, new Remembered(enterprises, now.plus(REMEMBER)));
		return enterprises;
	}

	private record Remembered(List<Enterprise> enterprises, Instant until) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Me(List<Enterprise> enterprises) {
	}

	/** An enterprise as identity-service's {@code /me} lists it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Enterprise(String uscc, String name, String role) {
	}

}
