package org.yiwang.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yiwang.exchange.audit.AccessEntry;
import org.yiwang.exchange.audit.AccessRecord;
import org.yiwang.exchange.audit.AccessResult;
import org.yiwang.exchange.audit.AuditLog;
import org.yiwang.exchange.audit.ChainVerification;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access log is one unbroken hash chain even with concurrent writers, and the verify endpoint finds an edited
 * or deleted record (changed directly in MongoDB, as an insider with database access would).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-audit-test");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	MongoTemplate mongo;

	static AccessEntry entry(int i) {
		return new AccessEntry("sub-" + i, "officer-wsjk", "yiwang-cli", "WSJK", DemoSubjects.ZHANGSAN.value(),
				"GA-POPULATION", "GA", List.of("name"), "核验身份 " + i, "《居民身份证法》", "APP-" + i, "GR-1", "QUERY",
				AccessResult.GRANTED, null, i % 2 == 0 ? PurposeCategory.ADMINISTRATIVE_LICENSING : null);
	}

	@Test
	void concurrentWritersEditAndDeletionAreDetected() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<AccessRecord>> appended = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			int n = i;
			appended.add(pool.submit(() -> audit.append(entry(n))));
		}
		List<Long> seqs = new ArrayList<>();
		for (Future<AccessRecord> f : appended) {
			seqs.add(f.get().getSeq());
		}
		pool.shutdown();
		// every writer got its own place, and the places are 1..120 without gaps
		assertThat(seqs).doesNotHaveDuplicates().hasSize(120);
		assertThat(seqs.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(120);
		ChainVerification ok = audit.verify();
		assertThat(ok.valid()).as(ok.reason()).isTrue();
		assertThat(ok.recordsChecked()).isEqualTo(120);
		assertThat(ok.headSeq()).isEqualTo(120);

		// the subject is never stored in plain
		Document stored = mongo.findById(7L, Document.class, "access_records");
		assertThat(stored.toJson()).doesNotContain(DemoSubjects.ZHANGSAN.value())
			.contains(DemoSubjects.ZHANGSAN.masked());

		// an insider changes the purpose of record 42 directly in the database
		Object original = mongo.findById(42L, Document.class, "access_records").get("purpose");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(42L)), Update.update("purpose", "日常核验"),
				"access_records");
		mvc.perform(post("/api/v1/exchange/audit/verifications").with(TestJwts.user("sup", null, "supervisor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.brokenAt").value(42))
			.andExpect(jsonPath("$.reason").value("record 42 was altered"));

		// ... and also recomputes that record's hash: the next record no longer links to it
		mongo.updateFirst(Query.query(Criteria.where("_id").is(42L)),
				Update.update("hash", mongo.findById(42L, AccessRecord.class).computeHash()), "access_records");
		ChainVerification relinked = audit.verify();
		assertThat(relinked.valid()).isFalse();
		assertThat(relinked.brokenAt()).isEqualTo(43);

		// restored, the chain is whole again
		mongo.updateFirst(Query.query(Criteria.where("_id").is(42L)), Update.update("purpose", original),
				"access_records");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(42L)),
				Update.update("hash", mongo.findById(42L, AccessRecord.class).computeHash()), "access_records");
		assertThat(audit.verify().valid()).isTrue();

		// the purpose category is inside the hash too
		Document withCategory = mongo.findOne(Query.query(Criteria.where("purposeCategory").is("ADMINISTRATIVE_LICENSING")),
				Document.class, "access_records");
		Object categorised = withCategory.get("_id");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(categorised)),
				Update.update("purposeCategory", "SUPERVISION_ENFORCEMENT"), "access_records");
		assertThat(audit.verify().reason()).isEqualTo("record " + categorised + " was altered");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(categorised)),
				Update.update("purposeCategory", "ADMINISTRATIVE_LICENSING"), "access_records");
		assertThat(audit.verify().valid()).isTrue();

		// a deleted record leaves a gap
		Document record77 = mongo.findById(77L, Document.class, "access_records");
		mongo.remove(Query.query(Criteria.where("_id").is(77L)), "access_records");
		mvc.perform(post("/api/v1/exchange/audit/verifications").with(TestJwts.user("admin", null, "platform-admin")))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.brokenAt").value(77));

		mongo.insert(record77, "access_records");
		assertThat(audit.verify().valid()).isTrue();

		// deleting the newest record is caught by the chain head
		mongo.remove(Query.query(Criteria.where("_id").is(120L)), "access_records");
		ChainVerification tail = audit.verify();
		assertThat(tail.valid()).isFalse();
		assertThat(tail.brokenAt()).isEqualTo(120);
	}

	@Test
	void onlySupervisionVerifies() throws Exception {
		mvc.perform(post("/api/v1/exchange/audit/verifications").with(TestJwts.officer("officer-wsjk", "WSJK")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/exchange/audit/verifications").with(TestJwts.citizen("zhangsan")))
			.andExpect(status().isForbidden());
	}

}
