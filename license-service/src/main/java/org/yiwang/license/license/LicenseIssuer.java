package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issues a licence exactly once per case: an existence check for the common duplicate, the unique index on
 * {@code caseId} for the concurrent one. Serials come from an atomic per type/issuer/year counter.
 */
@Service
public class LicenseIssuer {

	private static final Logger log = LoggerFactory.getLogger(LicenseIssuer.class);

	private final Licenses licenses;

	private final MongoTemplate mongo;

	private final Clock clock;

	LicenseIssuer(Licenses licenses, MongoTemplate mongo, Clock clock) {
		this.licenses = licenses;
		this.mongo = mongo;
		this.clock = clock;
	}

	public Optional<License> issue(License.Issuance issuance) {
		if (licenses.existsByCaseId(issuance.caseId())) {
			log.info("licence for case {} already issued; nothing to do", issuance.caseId());
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		int year = LocalDate.ofInstant(now, License.ZONE).getYear();
		String number = LicenseNumber.of(issuance.type(), issuance.issuingDepartment(), year,
				nextSerial(issuance.type(), issuance.issuingDepartment(), year));
		try {
			License license = licenses.insert(License.issue(number, issuance, now));
			log.info("issued licence {} for case {}", number, issuance.caseId());
			return Optional.of(license);
		}
		catch (DuplicateKeyException ex) {
			log.info("licence for case {} was issued concurrently; {} unused", issuance.caseId(), number);
			return Optional.empty();
		}
	}

	private long nextSerial(String type, String issuer, int year) {
		Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(type + "|" + issuer + "|" + year)),
				new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, "license_counters");
		return ((Number) counter.get("seq")).longValue();
	}

}
