package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.license.credential.BitstringStatusList;
import org.yiwang.license.credential.CredentialClaims;
import org.yiwang.license.credential.CredentialSigner;
import org.yiwang.license.pii.PiiProtection;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issues a licence exactly once per case: an existence check for the common duplicate, the unique index on
 * {@code caseId} for the concurrent one. Serials come from an atomic per type/issuer/year counter; the position in
 * the issuer's status lists is drawn at random and reserved under a unique id. The licence is signed as a
 * verifiable credential with the issuing department's active key before it is stored.
 */
@Service
public class LicenseIssuer {

	private static final Logger log = LoggerFactory.getLogger(LicenseIssuer.class);

	private final Licenses licenses;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final CredentialSigner signer;

	private final PiiProtection pii;

	private final SecureRandom random = new SecureRandom();

	LicenseIssuer(Licenses licenses, MongoTemplate mongo, Clock clock, CredentialSigner signer, PiiProtection pii) {
		this.licenses = licenses;
		this.mongo = mongo;
		this.clock = clock;
		this.signer = signer;
		this.pii = pii;
	}

	public Optional<License> issue(License.Issuance issuance) {
		return issue(issuance, false);
	}

	/**
	 * @param checked the caller has just found no licence for the case (the unique index on {@code caseId} still
	 * refuses a second one issued concurrently), so the lookup is not repeated
	 */
	Optional<License> issue(License.Issuance issuance, boolean checked) {
		if (!checked && licenses.existsByCaseId(issuance.caseId())) {
			log.info("licence for case {} already issued; nothing to do", issuance.caseId());
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		int year = LocalDate.ofInstant(now, License.ZONE).getYear();
		String number = LicenseNumber.of(issuance.type(), issuance.issuingDepartment(), year,
				nextSerial(issuance.type(), issuance.issuingDepartment(), year));
		Holder holder = issuance.holder();
		String idHash = holder.idType() == Holder.IdType.ID_NUMBER ? pii.hashIdNumber(holder.identifier()) : null;
		License license = License.issue(number, issuance, now, reserveStatusIndex(issuance.issuingDepartment()),
				idHash);
		CredentialSigner.Signed credential = signer.sign(claims(license));
		license.secure(credential.jws(), credential.kid());
		try {
			license = licenses.insert(license);
			log.info("issued licence {} for case {}", number, issuance.caseId());
			return Optional.of(license);
		}
		catch (DuplicateKeyException ex) {
			log.info("licence for case {} was issued concurrently; {} unused", issuance.caseId(), number);
			return Optional.empty();
		}
	}

	/**
	 * Signs licences stored before licences were credentials (no {@code credential} yet): gives them a status list
	 * position and their issuing department's signature. Runs at start; a licence changed meanwhile is left for the
	 * next start.
	 * @return how many were signed
	 */
	@EventListener(ApplicationReadyEvent.class)
	public int signUnsigned() {
		int signed = 0;
		for (License license : mongo.find(new Query(Criteria.where("credential").is(null)), License.class)) {
			license.assignStatusIndex(reserveStatusIndex(license.getIssuingDepartment()));
			CredentialSigner.Signed credential = signer.sign(claims(license));
			license.secure(credential.jws(), credential.kid());
			try {
				licenses.save(license);
				signed++;
			}
			catch (OptimisticLockingFailureException ex) {
				log.info("licence {} changed while being signed; next start signs it", license.getNumber());
			}
		}
		if (signed > 0) {
			log.info("signed {} licences issued before credentials", signed);
		}
		return signed;
	}

	/** The credential claims of a licence. */
	public static CredentialClaims claims(License l) {
		Holder h = l.holder();
		return new CredentialClaims(l.getNumber(), l.getType(), l.getTypeName(), h.subject(), h.name(),
				l.getIssuingDepartment(), l.getIssuedAt(), l.validFromInstant(), l.validUntilInstant(), l.getFields(),
				l.getApplicationId(), l.getCaseId(), l.getItemCode(), l.getStatusIndex(),
				new CredentialClaims.HolderClaims(h.type().name(), h.idType().name(), h.identifier(),
						h.identityBound(), h.agentSubject(), h.agentName()));
	}

	/** A random free position in the issuer's status lists (herd privacy), reserved by a unique id. */
	private int reserveStatusIndex(String issuer) {
		for (int attempt = 0; attempt < 50; attempt++) {
			int index = random.nextInt(BitstringStatusList.SIZE);
			try {
				mongo.insert(new Document("_id", issuer + "|" + index).append("issuer", issuer).append("index", index),
						"license_status_indexes");
				return index;
			}
			catch (DuplicateKeyException ex) {
				// taken; draw again
			}
		}
		throw new IllegalStateException("status list of " + issuer + " is (nearly) full");
	}

	private long nextSerial(String type, String issuer, int year) {
		Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(type + "|" + issuer + "|" + year)),
				new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, "license_counters");
		return ((Number) counter.get("seq")).longValue();
	}

}
