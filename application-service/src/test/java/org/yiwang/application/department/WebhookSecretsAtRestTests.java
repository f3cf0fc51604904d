package org.yiwang.application.department;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.ServiceTestSupport;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhook secrets at rest: the stored document never holds the secret (only the AES-GCM sealed form), deliveries
 * are still signed with it, and a plain secret stored before encryption keeps working and is sealed by the
 * startup migration. Against a real local HTTP receiver.
 */
class WebhookSecretsAtRestTests extends ServiceTestSupport {

	static final String ITEM = "44030000SCJG-XK-0100";

	static HttpServer receiver;

	static final List<Received> received = new CopyOnWriteArrayList<>();

	record Received(String path, String timestamp, String signature, String body) {
	}

	@BeforeAll
	static void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", WebhookSecretsAtRestTests::handle);
		receiver.start();
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), ITEM, "test-corr", null, "test", EventCodec.toMap(new ItemPublished(ITEM, 1,
						"食品经营许可", "SCJG", "市场监督管理局", 10, 20, "FOOD_BUSINESS", "食品经营许可证", 5))));
	}

	@AfterAll
	static void stop() {
		receiver.stop(0);
	}

	static void handle(HttpExchange exchange) throws IOException {
		received.add(new Received(exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP),
				exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PublishedItems items;

	@Autowired
	WebhookSecretsMigration migration;

	@Autowired
	WebhookSubscriptions subscriptions;

	String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	String submit() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		return JsonPath.read(mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen("zhangsan"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	Received awaitDelivery(String path, String applicationId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> received.stream()
				.filter(r -> r.path().equals(path) && r.body().contains(applicationId))
				.findFirst()
				.orElse(null), r -> r != null);
	}

	static boolean verifies(String secret, Received delivery) {
		return WebhookSignature.verify(secret, delivery.timestamp(), delivery.body(), delivery.signature(),
				Instant.now(), Duration.ofMinutes(5));
	}

	@Test
	void theStoredDocumentNeverHoldsTheSecretYetDeliveriesAreSignedWithIt() throws Exception {
		String path = "/at-rest/" + UUID.randomUUID();
		String registered = mvc
			.perform(post("/api/v1/webhooks").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"" + url(path) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(registered, "$.secret");
		String hook = JsonPath.read(registered, "$.id");
		assertThat(secret).startsWith("whsec_").hasSize(70);

		Document raw = mongo.getCollection("webhooks").find(new Document("_id", hook)).first();
		assertThat(raw).isNotNull();
		assertThat(raw.toJson()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
		assertThat(raw.getString("sealedSecret")).startsWith("v1:");
		assertThat(raw.containsKey("secret")).isFalse();

		String app = submit();
		Received delivery = awaitDelivery(path, app);
		assertThat(verifies(secret, delivery)).isTrue();
		assertThat(verifies("whsec_" + "0".repeat(64), delivery)).isFalse();
		mvc.perform(delete("/api/v1/webhooks/" + hook).with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isNoContent());
	}

	@Test
	void aPlainSecretStoredBeforeEncryptionStillSignsAndIsSealedAtStartup() throws Exception {
		String path = "/legacy/" + UUID.randomUUID();
		String hook = "WH-legacy-" + UUID.randomUUID();
		String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
		mongo.getCollection("webhooks")
			.insertOne(new Document("_id", hook).append("departmentCode", "SCJG")
				.append("url", url(path))
				.append("secret", secret)
				.append("active", true)
				.append("createdBy", "admin-scjg")
				.append("createdAt", java.util.Date.from(Instant.now())));
		// written behind this instance's back: it would see the hook once its subscription cache expires (10 s);
		// the test does not wait for that
		subscriptions.changed("SCJG", hook);

		// not migrated yet (as if written by an older instance after this one started): still signs
		String before = submit();
		assertThat(verifies(secret, awaitDelivery(path, before))).isTrue();

		assertThat(migration.migrate()).isGreaterThanOrEqualTo(1);
		Document raw = mongo.getCollection("webhooks").find(new Document("_id", hook)).first();
		assertThat(raw.toJson()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
		assertThat(raw.containsKey("secret")).isFalse();
		assertThat(raw.getString("sealedSecret")).startsWith("v1:");
		assertThat(migration.migrate()).as("nothing left to migrate").isZero();

		String after = submit();
		assertThat(verifies(secret, awaitDelivery(path, after))).isTrue();
		mvc.perform(delete("/api/v1/webhooks/" + hook).with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isNoContent());
	}

	@Test
	void aSecretSealedWithAKeyNoLongerConfiguredDoesNotStopTheStartup() {
		String hook = "WH-lost-key-" + UUID.randomUUID();
		String sealed = "v1:k-retired:" + java.util.Base64.getEncoder().encodeToString(new byte[60]);
		mongo.getCollection("webhooks")
			.insertOne(new Document("_id", hook).append("departmentCode", "SCJG")
				.append("url", url("/lost"))
				.append("sealedSecret", sealed)
				.append("active", false)
				.append("createdBy", "admin-scjg")
				.append("createdAt", java.util.Date.from(Instant.now())));
		assertThat(migration.migrate()).isZero();
		assertThat(mongo.getCollection("webhooks").find(new Document("_id", hook)).first().getString("sealedSecret"))
			.isEqualTo(sealed);
	}

}
