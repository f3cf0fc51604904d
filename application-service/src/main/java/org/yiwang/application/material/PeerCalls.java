package org.yiwang.application.material;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yiwang.application.peer.Peers;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The three remote operations application-service needs, with their contracts: resolve the applicant's verified
 * ID number (identity-service, docs/identity.md), fetch shared data for an application (exchange-service,
 * docs/exchange.md "Once-only prefill"), and read / grant the use of a licence in the applicant's wallet
 * (license-service, docs/licenses.md), the latter with the applicant's own token.
 */
@Component
public class PeerCalls {

	private final Peers peers;

	PeerCalls(Peers peers) {
		this.peers = peers;
	}

	/** The person bound to a Keycloak subject; empty when identity-service knows none. */
	public Optional<ResolvedPerson> resolve(String subject) {
		return peers.call("identity-service", () -> {
			try {
				return Optional.ofNullable(peers.identity()
					.post()
					.uri("/api/v1/identity/subject-resolutions")
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("subject", subject))
					.retrieve()
					.body(ResolvedPerson.class));
			}
			catch (HttpClientErrorException.NotFound ex) {
				return Optional.empty();
			}
		});
	}

	/** Once-only prefill; each resource is answered on its own (FILLED or why not). */
	public PrefillAnswer prefill(String applicationId, String subject, List<String> resourceCodes, String purpose) {
		return peers.call("exchange-service", () -> peers.exchange()
			.post()
			.uri("/api/v1/exchange/prefill")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("applicationId", applicationId, "subject", subject, "resourceCodes", resourceCodes, "purpose",
					purpose))
			.retrieve()
			.body(PrefillAnswer.class));
	}

	/** A licence as its holder (or the holder enterprise's agent) sees it; empty when not theirs or unknown. */
	public Optional<WalletLicense> walletLicense(String bearer, String number) {
		return peers.call("license-service", () -> {
			try {
				return Optional.ofNullable(peers.license()
					.get()
					.uri("/api/v1/licenses/{number}", number)
					.headers(h -> h.setBearerAuth(bearer))
					.retrieve()
					.body(WalletLicense.class));
			}
			catch (HttpClientErrorException ex) {
				if (ex.getStatusCode() == HttpStatus.NOT_FOUND || ex.getStatusCode() == HttpStatus.FORBIDDEN) {
					return Optional.empty();
				}
				throw ex;
			}
		});
	}

	/** The holder grants the application the use of the licence as a material; returns the grant id. */
	public String grantUse(String bearer, String number, String applicationId, String purpose, Instant expiresAt) {
		return peers.call("license-service", () -> peers.license()
			.post()
			.uri("/api/v1/licenses/{number}/grants", number)
			.headers(h -> h.setBearerAuth(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("granteeType", "APPLICATION", "grantee", applicationId, "purpose", purpose, "expiresAt",
					expiresAt.toString(), "onceOnly", false))
			.retrieve()
			.body(GrantAnswer.class)).id();
	}

	/** Best effort: takes a grant back when the material could not be recorded. */
	public void withdrawGrant(String bearer, String number, String grantId) {
		try {
			peers.call("license-service", () -> peers.license()
				.delete()
				.uri("/api/v1/licenses/{number}/grants/{grant}", number, grantId)
				.headers(h -> h.setBearerAuth(bearer))
				.retrieve()
				.toBodilessEntity());
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(PeerCalls.class)
				.warn("could not withdraw grant {} of licence {}: {}", grantId, number, ex.toString());
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ResolvedPerson(String subject, String name, String idNumber, String idNumberMasked,
			String assuranceLevel) {

		@Override
		public String toString() {
			return "ResolvedPerson[" + subject + ", " + idNumberMasked + "]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PrefillAnswer(String applicationId, String subjectMasked, String consumerDepartment, String purpose,
			List<PrefillItem> items) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PrefillItem(String resourceCode, String resourceName, String providerDepartment,
			String providerDepartmentName, String status, List<String> fields, Map<String, Object> data, String grantId,
			Instant retrievedAt, Long accessRecordSeq, String detail) {

		public boolean filled() {
			return "FILLED".equals(status);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record WalletLicense(String number, String type, String typeName, String holderName,
			String issuingDepartment, LocalDate validUntil, String status) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record GrantAnswer(String id) {
	}

}
