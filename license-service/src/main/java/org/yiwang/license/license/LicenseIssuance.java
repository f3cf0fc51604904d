package org.yiwang.license.license;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.web.Correlation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * From an approved case to its licence, exactly once and never lost. The holder is the enterprise when an agent
 * applied in its name, else the applicant in person, whose name and ID number identity-service resolves. When
 * identity-service cannot answer, the approval is kept as a {@link PendingIssuance} (one per case) and retried on a
 * schedule with exponential backoff until it is issued; the unique case index of the register keeps a retry racing
 * a redelivered event from issuing twice. An approval overturned before its licence exists issues nothing.
 */
@Service
public class LicenseIssuance {

	private static final Logger log = LoggerFactory.getLogger(LicenseIssuance.class);

	/** What became of an approval. */
	public enum Outcome {

		ISSUED, ALREADY_ISSUED, DEFERRED, OVERTURNED

	}

	private final Licenses licenses;

	private final LicenseIssuer issuer;

	private final HolderIdentities identities;

	private final ApprovalOverturns overturns;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration retryInterval;

	private final Duration maxBackoff;

	LicenseIssuance(Licenses licenses, LicenseIssuer issuer, HolderIdentities identities,
			ApprovalOverturns overturns, MongoTemplate mongo, Clock clock,
			@Value("${platform.license.pending.retry-interval-ms:30000}") long retryIntervalMs,
			@Value("${platform.license.pending.max-backoff-ms:600000}") long maxBackoffMs,
			ObjectProvider<MeterRegistry> meters) {
		this.licenses = licenses;
		this.issuer = issuer;
		this.identities = identities;
		this.overturns = overturns;
		this.mongo = mongo;
		this.clock = clock;
		this.retryInterval = Duration.ofMillis(retryIntervalMs);
		this.maxBackoff = Duration.ofMillis(Math.max(maxBackoffMs, retryIntervalMs));
		meters.ifAvailable(registry -> Gauge.builder("license.issuance.pending", this, LicenseIssuance::pendingCount)
			.description("approved cases whose licence waits for identity-service")
			.register(registry));
	}

	/** Issues the licence of an approved case now, or defers it when the holder cannot be resolved yet. */
	public Outcome approved(ApprovedCase approval) {
		return approved(approval, false);
	}

	/**
	 * @param deferred whether the approval comes from the deferred ones ({@link #retryDue}), whose record is removed
	 * once it is settled; an approval arriving as an event has none in the normal case, and a record left by an
	 * earlier attempt of it is settled by the next retry run (it finds the licence issued), so the event path spends
	 * no delete on it
	 */
	Outcome approved(ApprovedCase approval, boolean deferred) {
		if (licenses.existsByCaseId(approval.caseId())) {
			log.info("licence for case {} already issued; nothing to do", approval.caseId());
			forget(approval.caseId(), deferred);
			return Outcome.ALREADY_ISSUED;
		}
		if (overturns.find(approval.caseId()).isPresent()) {
			log.warn("approval of case {} was overturned before its licence was issued; none is issued",
					approval.caseId());
			forget(approval.caseId(), deferred);
			return Outcome.OVERTURNED;
		}
		Holder holder;
		if (approval.enterpriseHolder()) {
			holder = Holder.enterprise(approval.enterpriseUscc(), approval.enterpriseName(),
					approval.applicantSubject(), approval.applicantName());
		}
		else {
			try {
				holder = identities.resolve(approval.applicantSubject())
					.map(p -> Holder.person(approval.applicantSubject(),
							p.name() == null || p.name().isBlank() ? approval.applicantName() : p.name(),
							p.idNumber()))
					.orElseGet(() -> {
						log.warn("no person bound to subject {}: licence for case {} names its holder by subject "
								+ "and name only (identityBound=false)", approval.applicantSubject(), approval.caseId());
						return Holder.unboundPerson(approval.applicantSubject(), approval.applicantName());
					});
			}
			catch (HolderIdentities.IdentityUnavailableException | IllegalArgumentException ex) {
				defer(approval, ex.getMessage());
				return Outcome.DEFERRED;
			}
		}
		Map<String, Object> fields = new LinkedHashMap<>(approval.licenseData());
		Optional<License> issued = issuer.issue(new License.Issuance(approval.licenseType(), approval.licenseName(),
				holder, approval.departmentCode(), approval.caseId(), approval.applicationId(), approval.itemCode(),
				approval.licenseValidityYears(), fields), true);
		forget(approval.caseId(), deferred);
		// an overturn that arrived while this licence was being issued: it must not stay valid
		issued.ifPresent(license -> overturns.find(approval.caseId())
			.ifPresent(overturn -> overturns.revoke(license.getNumber(), overturn)));
		return issued.isPresent() ? Outcome.ISSUED : Outcome.ALREADY_ISSUED;
	}

	/** Retries the deferred issuances that are due; runs every {@code platform.license.pending.retry-interval-ms}. */
	@Scheduled(fixedDelayString = "${platform.license.pending.retry-interval-ms:30000}",
			initialDelayString = "${platform.license.pending.retry-interval-ms:30000}")
	public void retryDue() {
		Instant now = Instant.now(clock);
		for (PendingIssuance pending : mongo.find(
				new Query(Criteria.where("nextAttemptAt").lte(now)).limit(100), PendingIssuance.class)) {
			try (Correlation.Scope scope = Correlation.open(pending.correlationId(), pending.causationId())) {
				Outcome outcome = approved(pending.request(), true);
				if (outcome != Outcome.DEFERRED) {
					log.info("deferred licence for case {}: {} after {} failed attempts", pending.caseId(), outcome,
							pending.attempts());
				}
			}
			catch (RuntimeException ex) {
				log.warn("deferred licence for case {} failed again: {}", pending.caseId(), ex.toString());
			}
		}
	}

	/** How many approvals wait for their licence. */
	public long pendingCount() {
		return mongo.count(new Query(), PendingIssuance.class);
	}

	private void defer(ApprovedCase approval, String problem) {
		Instant now = Instant.now(clock);
		PendingIssuance existing = mongo.findById(approval.caseId(), PendingIssuance.class);
		if (existing == null) {
			try {
				mongo.insert(new PendingIssuance(approval.caseId(), approval, Correlation.current(),
						Correlation.causation(), 1, now, now.plus(retryInterval), problem));
				log.warn("licence for case {} deferred: identity-service unavailable ({}); retried every {}",
						approval.caseId(), problem, retryInterval);
				return;
			}
			catch (DuplicateKeyException ex) {
				existing = mongo.findById(approval.caseId(), PendingIssuance.class);
				if (existing == null) {
					return;
				}
			}
		}
		int attempts = existing.attempts() + 1;
		Duration backoff = retryInterval.multipliedBy(1L << Math.min(attempts - 1, 10));
		if (backoff.compareTo(maxBackoff) > 0) {
			backoff = maxBackoff;
		}
		mongo.updateFirst(new Query(Criteria.where("_id").is(approval.caseId())),
				new Update().set("attempts", attempts).set("nextAttemptAt", now.plus(backoff)).set("lastProblem", problem),
				PendingIssuance.class);
		log.warn("licence for case {} still deferred after {} attempts ({}); next in {}", approval.caseId(), attempts,
				problem, backoff);
	}

	private void forget(String caseId, boolean deferred) {
		if (deferred) {
			mongo.remove(new Query(Criteria.where("_id").is(caseId)), PendingIssuance.class);
		}
	}

}
