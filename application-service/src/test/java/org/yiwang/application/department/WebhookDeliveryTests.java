package org.yiwang.application.department;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.ServiceTestSupport;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.mongo.PendingMarker;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a real local HTTP receiver (JDK HttpServer on 127.0.0.1): signed deliveries the receiver
 * verifies, retries with backoff after failures, dead-lettering after the maximum attempts, and replay.
 */
class WebhookDeliveryTests extends ServiceTestSupport {

	static final String ITEM = "44030000SCJG-XK-0100";

	static HttpServer receiver;

	/** path → remaining failures before answering 200 */
	static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	static final List<Received> received = new CopyOnWriteArrayList<>();

	record Received(String path, Map<String, String> headers, String body) {
	}

	@BeforeAll
	static void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", WebhookDeliveryTests::handle);
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
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		AtomicInteger left = failuresLeft.computeIfAbsent(path, p -> new AtomicInteger());
		int status = left.getAndDecrement() > 0 ? 503 : 200;
		if (status == 200) {
			received.add(new Received(path, Map.of(WebhookSignature.TIMESTAMP,
					exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP), WebhookSignature.SIGNATURE,
					exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE), WebhookSignature.EVENT_ID,
					exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID)), body));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	String register(String path) throws Exception {
		return register("{\"url\":\"" + url(path) + "\"}", path);
	}

	String register(String body, String path) throws Exception {
		return mvc
			.perform(post("/api/v1/webhooks").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
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

	@Test
	void caseEventsAreSignedAndRetriedUntilTheReceiverAccepts() throws Exception {
		String path = "/hooks/retry-" + UUID.randomUUID();
		failuresLeft.put(path, new AtomicInteger(2));
		String registered = register(path);
		String secret = JsonPath.read(registered, "$.secret");
		String hook = JsonPath.read(registered, "$.id");
		String app = submit();

		Received delivery = await().atMost(Duration.ofSeconds(30))
			.until(() -> received.stream()
				.filter(r -> r.path().equals(path) && r.body().contains(app)
						&& r.body().contains("application.CaseSubmitted"))
				.findFirst()
				.orElse(null), r -> r != null);
		assertThat(attempts.get(path).get()).isGreaterThanOrEqualTo(3);
		assertThat(WebhookSignature.verify(secret, delivery.headers().get(WebhookSignature.TIMESTAMP), delivery.body(),
				delivery.headers().get(WebhookSignature.SIGNATURE), Instant.now(), Duration.ofMinutes(5))).isTrue();
		// tampered body, wrong secret, or an old timestamp (replay) fail verification
		assertThat(WebhookSignature.verify(secret, delivery.headers().get(WebhookSignature.TIMESTAMP),
				delivery.body() + " ", delivery.headers().get(WebhookSignature.SIGNATURE), Instant.now(),
				Duration.ofMinutes(5))).isFalse();
		assertThat(WebhookSignature.verify("whsec_other", delivery.headers().get(WebhookSignature.TIMESTAMP),
				delivery.body(), delivery.headers().get(WebhookSignature.SIGNATURE), Instant.now(),
				Duration.ofMinutes(5))).isFalse();
		assertThat(WebhookSignature.verify(secret, delivery.headers().get(WebhookSignature.TIMESTAMP), delivery.body(),
				delivery.headers().get(WebhookSignature.SIGNATURE), Instant.now().plus(Duration.ofMinutes(10)),
				Duration.ofMinutes(5))).isFalse();

		String eventId = delivery.headers().get(WebhookSignature.EVENT_ID);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc
			.perform(get("/api/v1/webhooks/" + hook + "/deliveries?status=DELIVERED&size=100")
				.with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(jsonPath("$.items[?(@.eventId == '" + eventId + "')].attempts").value(3)));
		// another department does not see this webhook
		mvc.perform(get("/api/v1/webhooks/" + hook + "/deliveries").with(TestJwts.deptAdmin("admin-wsjk", "WSJK")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/webhooks").with(TestJwts.citizen("zhangsan"))).andExpect(status().isForbidden());
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	WebhookDispatcher dispatcher;

	@Test
	void aDeliveryLeftBehindByAStoppedInstanceIsFoundByTheSweepThroughItsMarker() throws Exception {
		String path = "/hooks/left-" + UUID.randomUUID();
		String hook = JsonPath.read(register(path), "$.id");
		WebhookSubscription subscription = mongo.findById(hook, WebhookSubscription.class);
		// inserted by an instance that stopped before its attempt: nothing is scheduled for it here
		Instant before = Instant.now().minus(Duration.ofMinutes(5));
		WebhookDelivery left = new WebhookDelivery(subscription, "evt-" + UUID.randomUUID(), "application.CaseSubmitted",
				"{\"left\":true}", before);
		mongo.insert(left);
		assertThat(marker(left.id)).isEqualTo(PendingMarker.due(before, left.id));
		// and one due in an hour, which the sweep leaves alone
		WebhookDelivery later = new WebhookDelivery(subscription, "evt-" + UUID.randomUUID(),
				"application.CaseSubmitted", "{\"later\":true}", Instant.now().plus(Duration.ofHours(1)));
		mongo.insert(later);

		dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
			.anyMatch(r -> r.path().equals(path) && r.body().contains("left")));
		assertThat(mongo.findById(left.id, WebhookDelivery.class).status).isEqualTo(WebhookDelivery.DELIVERED);
		assertThat(marker(left.id)).as("finished: out of the index").isNull();
		assertThat(mongo.findById(later.id, WebhookDelivery.class).status).isEqualTo(WebhookDelivery.PENDING);
		assertThat(marker(later.id)).isNotNull();
		assertThat(attempts.get(path).get()).isEqualTo(1);
		assertThat(mongo.indexOps(WebhookDelivery.class).getIndexInfo())
			.anySatisfy(index -> assertThat(index.getName()).isEqualTo("due_pending"));
	}

	String marker(String deliveryId) {
		return mongo.findById(deliveryId, org.bson.Document.class, "webhook_deliveries").getString("due");
	}

	@Test
	void aReceiverThatKeepsFailingIsDeadLetteredAndCanBeReplayed() throws Exception {
		String path = "/hooks/down-" + UUID.randomUUID();
		failuresLeft.put(path, new AtomicInteger(1_000));
		String hook = JsonPath.read(register(path), "$.id");
		String app = submit();
		var admin = TestJwts.user("service-account-dept-scjg-system", "SCJG", "dept-system");

		String deadLettered = await().atMost(Duration.ofSeconds(30)).until(() -> {
			String page = mvc.perform(get("/api/v1/webhooks/" + hook + "/deliveries?status=DEAD_LETTERED&size=100")
				.with(admin)).andReturn().getResponse().getContentAsString();
			List<String> ids = JsonPath.read(page, "$.items[*].id");
			return ids.isEmpty() ? null : page;
		}, p -> p != null);
		assertThat((List<Integer>) JsonPath.read(deadLettered, "$.items[*].attempts")).containsOnly(4);
		assertThat((List<Integer>) JsonPath.read(deadLettered, "$.items[*].lastStatusCode")).containsOnly(503);
		String deliveryId = JsonPath.read(deadLettered, "$.items[0].id");
		int attemptsBefore = attempts.get(path).get();

		// the department fixes its receiver and replays
		failuresLeft.get(path).set(0);
		mvc.perform(post("/api/v1/webhooks/" + hook + "/deliveries/" + deliveryId + "/replay").with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> received.stream().anyMatch(r -> r.path().equals(path)));
		assertThat(attempts.get(path).get()).isGreaterThan(attemptsBefore);
		assertThat(received.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow().body())
			.contains("\"aggregateId\":\"" + app + "\"");
	}

	@Test
	void aHookReceivesOnlyTheEventTypesItAskedFor() throws Exception {
		String submittedOnly = "/hooks/submitted-" + UUID.randomUUID();
		String approvedOnly = "/hooks/approved-" + UUID.randomUUID();
		String first = register("{\"url\":\"" + url(submittedOnly) + "\",\"events\":[\"application.CaseSubmitted\"]}",
				submittedOnly);
		assertThat((List<String>) JsonPath.read(first, "$.events")).containsExactly("application.CaseSubmitted");
		String other = JsonPath.read(
				register("{\"url\":\"" + url(approvedOnly) + "\",\"events\":[\"application.CaseApproved\"]}",
						approvedOnly),
				"$.id");
		String app = submit();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> received.stream()
				.anyMatch(r -> r.path().equals(submittedOnly) && r.body().contains(app)
						&& r.body().contains("application.CaseSubmitted")));
		// both hooks were considered for the same event in one pass: the other one has nothing queued
		mvc.perform(get("/api/v1/webhooks/" + other + "/deliveries").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		assertThat(received.stream().filter(r -> r.path().equals(submittedOnly)))
			.allMatch(r -> r.body().contains("application.CaseSubmitted"));
	}

	@Test
	void registrationIsValidated() throws Exception {
		mvc.perform(post("/api/v1/webhooks").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url("/x") + "\",\"events\":[\"application.CaseSubmitted\",\"application.Nope\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("events[1]"));
		mvc.perform(post("/api/v1/webhooks").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"ftp://example\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("url"));
		mvc.perform(post("/api/v1/webhooks").with(TestJwts.officer("officer-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url("/x") + "\"}")).andExpect(status().isForbidden());
	}

}
