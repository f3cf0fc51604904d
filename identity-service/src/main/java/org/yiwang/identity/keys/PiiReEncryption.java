package org.yiwang.identity.keys;

import org.yiwang.identity.pii.PiiProtector;

import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.identity.enterprise.LegalPerson;
import org.yiwang.identity.enterprise.LegalPersons;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Key rotation: a new data key becomes active at once (new writes use it), then every stored value encrypted with
 * an older key is decrypted and encrypted again. Safe to run repeatedly and concurrently with normal traffic
 * (optimistic versions; a value already re-encrypted is skipped).
 */
@Service
public class PiiReEncryption {

	private static final Logger log = LoggerFactory.getLogger(PiiReEncryption.class);

	private final PiiProtector protector;

	private final NaturalPersons persons;

	private final LegalPersons enterprises;

	PiiReEncryption(PiiProtector protector, NaturalPersons persons, LegalPersons enterprises) {
		this.protector = protector;
		this.persons = persons;
		this.enterprises = enterprises;
	}

	public record Result(String activeKeyId, long reEncrypted) {
	}

	public Result rotateAndReEncrypt() {
		if (!protector.rotatable()) {
			throw new org.yiwang.shared.web.ConflictException(
					"the PII keys come from IDENTITY_PII_KEY: put the new key first there and restart", null,
					"key-source");
		}
		String kid = protector.rotate();
		log.info("PII data key rotated; active key id {}", kid);
		return reEncryptAll();
	}

	public Result reEncryptAll() {
		long count = 0;
		BiFunction<String, String, String> reEncrypt = protector::reEncrypt;
		int page = 0;
		Page<NaturalPerson> batch;
		do {
			batch = persons.findAll(PageRequest.of(page++, 200, Sort.by("id")));
			for (NaturalPerson person : batch) {
				if (person.reEncrypt(reEncrypt, protector::needsReEncryption)) {
					persons.save(person);
					count++;
				}
			}
		}
		while (batch.hasNext());
		page = 0;
		Page<LegalPerson> enterpriseBatch;
		do {
			enterpriseBatch = enterprises.findAll(PageRequest.of(page++, 200, Sort.by("uscc")));
			for (LegalPerson enterprise : enterpriseBatch) {
				if (enterprise.reEncrypt(reEncrypt, protector::needsReEncryption)) {
					enterprises.save(enterprise);
					count++;
				}
			}
		}
		while (enterpriseBatch.hasNext());
		log.info("PII re-encryption done: {} records re-encrypted with key {}", count, protector.activeKeyId());
		return new Result(protector.activeKeyId(), count);
	}

}
