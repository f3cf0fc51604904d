package org.yiwang.exchange.audit;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.exchange.subject.Masking;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The append-only, hash-chained access log, safe for concurrent writers (several threads and replicas) without
 * transactions. The chain head ({@code audit_chain/_id=head}: last seq and hash) tells a writer where to append:
 * it inserts record {@code head.seq+1} (the seq is the unique {@code _id}, so only one writer can take a place),
 * then moves the head forward with a guard on the old seq. A writer that loses the race (duplicate key) helps move
 * the head to the record that won, and tries again; so a writer that crashed between its two steps never blocks
 * the others. Records are never updated or deleted by the service.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	static final String HEADS = "audit_chain";

	static final String HEAD = "head";

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final SubjectHasher hasher;

	private final Clock clock;

	AuditLog(MongoTemplate mongo, SubjectHasher hasher, Clock clock) {
		this.mongo = mongo;
		this.hasher = hasher;
		this.clock = clock;
	}

	public AccessRecord append(AccessEntry entry) {
		String subjectHash = hasher.hash(entry.subject());
		String masked = Masking.mask(entry.subject());
		for (int attempt = 0; attempt < 1000; attempt++) {
			Document head = head();
			long seq = head.get("seq", Number.class).longValue() + 1;
			AccessRecord record = AccessRecord.chained(seq, head.getString("hash"), entry, subjectHash, masked,
					clock.instant());
			try {
				mongo.insert(record);
			}
			catch (DuplicateKeyException lost) {
				AccessRecord winner = mongo.findById(seq, AccessRecord.class);
				if (winner != null) {
					advanceHead(seq, winner.getHash());
				}
				continue;
			}
			advanceHead(seq, record.getHash());
			return record;
		}
		throw new IllegalStateException("could not append to the access log");
	}

	private void advanceHead(long seq, String hash) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(HEAD).and("seq").is(seq - 1)),
				new Update().set("seq", seq).set("hash", hash), HEADS);
	}

	private Document head() {
		Document head = mongo.findById(HEAD, Document.class, HEADS);
		if (head != null) {
			return head;
		}
		try {
			mongo.insert(new Document("_id", HEAD).append("seq", 0L).append("hash", AccessRecord.GENESIS), HEADS);
		}
		catch (DuplicateKeyException ex) {
			// another writer created it
		}
		return mongo.findById(HEAD, Document.class, HEADS);
	}

	/** Walks the whole chain in seq order, recomputing every hash and link, then compares the end with the head. */
	public ChainVerification verify() {
		Document head = head();
		long headSeq = head.get("seq", Number.class).longValue();
		String previous = AccessRecord.GENESIS;
		long expected = 1;
		long checked = 0;
		while (true) {
			List<AccessRecord> batch = mongo.find(Query.query(Criteria.where("_id").gte(expected))
				.with(Sort.by("_id"))
				.limit(BATCH), AccessRecord.class);
			if (batch.isEmpty()) {
				break;
			}
			for (AccessRecord record : batch) {
				if (record.getSeq() != expected) {
					return broken(checked, headSeq, expected, "record " + expected + " is missing (deleted)");
				}
				if (!previous.equals(record.getPreviousHash())) {
					return broken(checked, headSeq, expected,
							"record " + expected + " does not link to record " + (expected - 1));
				}
				if (!record.computeHash().equals(record.getHash())) {
					return broken(checked, headSeq, expected, "record " + expected + " was altered");
				}
				previous = record.getHash();
				expected++;
				checked++;
			}
		}
		if (headSeq > checked) {
			return broken(checked, headSeq, checked + 1, "records " + (checked + 1) + " to " + headSeq
					+ " are missing (deleted)");
		}
		if (headSeq == checked && !head.getString("hash").equals(previous)) {
			return broken(checked, headSeq, checked, "record " + checked + " does not match the chain head");
		}
		return new ChainVerification(true, checked, headSeq, null, null, clock.instant());
	}

	private ChainVerification broken(long checked, long headSeq, long at, String reason) {
		log.error("AUDIT CHAIN BROKEN at record {}: {}", at, reason);
		return new ChainVerification(false, checked, headSeq, at, reason, clock.instant());
	}

	/** A subject's own records, newest first. */
	public Page<AccessRecord> ofSubject(String subject, Pageable pageable) {
		Query query = Query.query(Criteria.where("subjectHash").is(hasher.hash(subject)));
		long total = mongo.count(query, AccessRecord.class);
		List<AccessRecord> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "_id")).with(pageable),
				AccessRecord.class);
		return new PageImpl<>(items, pageable, total);
	}

	/** All records, newest first, optionally of one consumer department (for supervision). */
	public Page<AccessRecord> all(String department, Pageable pageable) {
		Query query = department == null ? new Query() : Query.query(Criteria.where("department").is(department));
		long total = mongo.count(query, AccessRecord.class);
		List<AccessRecord> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "_id")).with(pageable),
				AccessRecord.class);
		return new PageImpl<>(items, pageable, total);
	}

}
