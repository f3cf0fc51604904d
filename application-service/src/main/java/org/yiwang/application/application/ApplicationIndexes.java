package org.yiwang.application.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of the {@code applications} collection, declared at startup.
 * <p>
 * {@code cases.caseId} is unique (a case belongs to exactly one application): every case action and every
 * licence arriving finds its application through it, a key lookup on a real MongoDB and on the embedded stand-in
 * alike (the stand-in honours unique indexes, also over array fields, and ignores the others). The other indexes
 * serve the lists (my applications, department queues and their change cursor, supervision, the prefill sweep)
 * on a real MongoDB.
 */
@Component
class ApplicationIndexes implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ApplicationIndexes.class);

	private final MongoTemplate mongo;

	ApplicationIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// not sparse: the stand-in skips array paths of a sparse index entirely (measured); every application has cases
		declare(new Index().on("cases.caseId", Sort.Direction.ASC).unique().named("cases_caseId_key"));
		declare(new Index().on("applicantSubject", Sort.Direction.ASC)
			.on("submittedAt", Sort.Direction.DESC)
			.named("applicant_submittedAt"));
		declare(new Index().on("enterpriseUscc", Sort.Direction.ASC)
			.on("submittedAt", Sort.Direction.DESC)
			.named("enterprise_submittedAt"));
		declare(new Index().on("cases.departmentCode", Sort.Direction.ASC)
			.on("cases.updatedAt", Sort.Direction.ASC)
			.on("cases.caseId", Sort.Direction.ASC)
			.named("department_cursor"));
		declare(new Index().on("cases.status", Sort.Direction.ASC).named("case_status"));
		declare(new Index().on("cases.escalatedAt", Sort.Direction.ASC).sparse().named("case_escalatedAt"));
		declare(new Index().on("prefill.status", Sort.Direction.ASC)
			.on("prefill.nextAttemptAt", Sort.Direction.ASC)
			.named("prefill_due"));
		declare(new Index().on("rectifications.departmentCode", Sort.Direction.ASC).named("rectification_department"));
	}

	private void declare(Index index) {
		try {
			mongo.indexOps(Application.class).createIndex(index);
		}
		catch (RuntimeException ex) {
			// the service still works: the lookups that index served read more documents
			log.error("could not declare index {} on applications: {}", index.getIndexOptions().get("name"),
					ex.getMessage());
		}
	}

}
