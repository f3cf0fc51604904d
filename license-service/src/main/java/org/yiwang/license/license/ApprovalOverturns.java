package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Revocation driven by the workflow: an approval overturned (撤销行政许可, 复议/诉讼撤销) revokes the licence issued for
 * the case, with the overturn's reason and legal basis, once. The overturn is remembered per case first, so a
 * licence that does not exist yet (events out of order, issuance deferred) is never issued, or revoked at once
 * should it be issued concurrently. A licence already revoked stays as it is: duplicates and replays are no-ops.
 */
@Service
public class ApprovalOverturns {

	private static final Logger log = LoggerFactory.getLogger(ApprovalOverturns.class);

	private final Licenses licenses;

	private final MongoTemplate mongo;

	private final StatusLists statusLists;

	private final Clock clock;

	ApprovalOverturns(Licenses licenses, MongoTemplate mongo, StatusLists statusLists, Clock clock) {
		this.licenses = licenses;
		this.mongo = mongo;
		this.statusLists = statusLists;
		this.clock = clock;
	}

	/** Remembers the overturn and revokes the case's licence if it exists. */
	public void overturned(Overturn overturn) {
		try {
			mongo.insert(overturn);
		}
		catch (DuplicateKeyException ex) {
			log.info("overturn of case {} already known", overturn.caseId());
		}
		Overturn first = find(overturn.caseId()).orElse(overturn);
		licenses.findByCaseId(overturn.caseId()).ifPresentOrElse(license -> revoke(license.getNumber(), first),
				() -> log.info("approval of case {} overturned before any licence; none will be issued",
						overturn.caseId()));
	}

	public Optional<Overturn> find(String caseId) {
		return Optional.ofNullable(mongo.findById(caseId, Overturn.class));
	}

	/** Revokes the licence for the overturn unless it is revoked already; retried on a concurrent change. */
	void revoke(String number, Overturn overturn) {
		for (int attempt = 0; attempt < 5; attempt++) {
			License license = licenses.findById(number).orElse(null);
			if (license == null || license.getStatus() == LicenseStatus.REVOKED) {
				log.info("licence {} is already revoked; overturn of case {} changes nothing", number,
						overturn.caseId());
				return;
			}
			Instant at = Instant.now(clock);
			license.revoke(overturn.overturnedBy() == null ? "system" : overturn.overturnedBy(), overturn.reason(),
					overturn.legalBasis(), at);
			try {
				licenses.save(license);
				statusLists.invalidate(license.getIssuingDepartment());
				log.info("licence {} revoked: approval of case {} overturned", number, overturn.caseId());
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile (status change, relay); read again
			}
		}
		throw new IllegalStateException("licence " + number + " kept changing; overturn retried by redelivery");
	}

}
