package org.yiwang.shared.mongo;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On the wire server (the embedded stand-in), every versioned entity and every configured guard gets its
 * {@code (_id, guard)} index, and optimistic locking still works through it.
 */
class KeyLookupIndexesTest {

	private MongoClient client;

	private MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
		mongo = new MongoTemplate(client, "key-lookups-" + UUID.randomUUID());
		mongo.getConverter().getMappingContext().getPersistentEntity(Versioned.class);
	}

	@AfterEach
	void tearDown() {
		client.close();
	}

	@Test
	void versionedEntitiesAndConfiguredGuardsGetAKeyLookupIndexOnTheStandIn() {
		new KeyLookupIndexes(mongo, "auto", List.of("deliveries:claimedUntil")).afterSingletonsInstantiated();

		assertThat(indexNames("versioned")).contains("_id_revision_key");
		assertThat(indexNames("deliveries")).contains("_id_claimedUntil_key");
	}

	@Test
	void optimisticLockingStillRefusesAStaleCopy() {
		new KeyLookupIndexes(mongo, "auto", List.of()).afterSingletonsInstantiated();
		Versioned first = mongo.insert(new Versioned("v-1"));
		Versioned stale = mongo.findById("v-1", Versioned.class);
		first.value = "changed";
		mongo.save(first);

		stale.value = "lost update";
		assertThatThrownBy(() -> mongo.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(mongo.findById("v-1", Versioned.class).value).isEqualTo("changed");
	}

	@Test
	void neverMeansNever() {
		new KeyLookupIndexes(mongo, "never", List.of("deliveries:claimedUntil")).afterSingletonsInstantiated();
		assertThat(indexNames("deliveries")).doesNotContain("_id_claimedUntil_key");
	}

	@Test
	void aMalformedGuardIsRefused() {
		assertThatThrownBy(() -> new KeyLookupIndexes(mongo, "always", List.of("no-colon")).afterSingletonsInstantiated())
			.hasMessageContaining("collection:field");
	}

	private Set<String> indexNames(String collection) {
		return mongo.getCollection(collection)
			.listIndexes()
			.into(new java.util.ArrayList<Document>())
			.stream()
			.map(index -> index.getString("name"))
			.collect(Collectors.toSet());
	}

	@org.springframework.data.mongodb.core.mapping.Document("versioned")
	static class Versioned {

		@Id
		String id;

		String value;

		@Version
		Long revision;

		Versioned(String id) {
			this.id = id;
		}

	}

}
