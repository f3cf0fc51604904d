package org.yiwang.bench.theme;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;
import tools.jackson.databind.JsonNode;

/**
 * The departments of the theme as their own systems work: each registers a webhook at the platform (the signing
 * secret comes back once), receives its case events on a local receiver, checks each delivery's signature and
 * timestamp, answers 2xx at once, de-duplicates on the event id, and on {@code application.CaseSubmitted} approves
 * the case on a worker pool ({@code POST /api/v1/cases/{id}/approve} with an {@code Idempotency-Key} per case and
 * the licence's data). Only cases of applications this bench submitted are decided; a case announced before its
 * application's submission was answered waits until it is known. Webhooks of earlier bench runs whose receiver is
 * gone are removed first (a department may have 10 active webhooks); this run's are removed on close.
 */
final class DepartmentSystems implements AutoCloseable {

	/** A department taking part, its system's Keycloak client and the secret's name in the platform's secrets. */
	record Department(String code, String clientId, String secretName) {
	}

	static final List<Department> THEME_DEPARTMENTS = List.of(new Department("SCJG", "dept-scjg-system", "DEPT_SYSTEM_SECRET"),
			new Department("WSJK", "dept-wsjk-system", "DEPT_WSJK_SYSTEM_SECRET"),
			new Department("XFJY", "dept-xfjy-system", "DEPT_XFJY_SYSTEM_SECRET"));

	static final String CASE_SUBMITTED = "application.CaseSubmitted";

	static final String CASE_APPROVED = "application.CaseApproved";

	private static final String HOOK_PATH = "/hooks/";

	private static final int DECIDERS_PER_DEPARTMENT = 4;

	private record Decision(String department, String caseId, String applicationId, String itemCode) {
	}

	private static final class Hook {

		final Department department;

		final TokenSource token;

		final ExecutorService deciders;

		volatile String webhookId;

		volatile String secret;

		Hook(Department department, TokenSource token) {
			this.department = department;
			this.token = token;
			this.deciders = Executors.newFixedThreadPool(DECIDERS_PER_DEPARTMENT, named("bench-decide-" + department.code()));
		}

	}

	final LongAdder deliveries = new LongAdder();

	final LongAdder redeliveries = new LongAdder();

	final LongAdder badSignatures = new LongAdder();

	final LongAdder approvals = new LongAdder();

	final LongAdder replayedApprovals = new LongAdder();

	final LongAdder conflicts = new LongAdder();

	final LongAdder failedApprovals = new LongAdder();

	private final GatewayCalls calls;

	private final Progress progress;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, Hook> hooks = new LinkedHashMap<>();

	private final Set<String> seenEvents = ConcurrentHashMap.newKeySet();

	/** CaseSubmitted deliveries per case (every case must reach its department at least once). */
	private final Map<String, AtomicInteger> caseSubmittedDeliveries = new ConcurrentHashMap<>();

	/** Distinct CaseApproved events per case: two would be one case decided twice. */
	private final Map<String, Set<String>> caseApprovedEvents = new ConcurrentHashMap<>();

	private final Set<String> ourCases = ConcurrentHashMap.newKeySet();

	private final Map<String, Decision> parked = new ConcurrentHashMap<>();

	private final Set<String> approved = ConcurrentHashMap.newKeySet();

	/** When a case was first announced to its department, and when its approval was answered (nanoTime). */
	private final Map<String, long[]> caseTimes = new ConcurrentHashMap<>();

	private final Map<String, String> caseDepartment = new ConcurrentHashMap<>();

	private final AtomicInteger failuresReported = new AtomicInteger();

	private HttpServer server;

	private ExecutorService receivers;

	DepartmentSystems(BenchTarget target, GatewayCalls calls, java.net.http.HttpClient http, Progress progress) {
		this.calls = calls;
		this.progress = progress;
		for (Department department : THEME_DEPARTMENTS) {
			hooks.put(department.code(), new Hook(department, TokenSource.clientCredentials(http, target.keycloakUrl(),
					department.clientId(), target.secret(department.secretName()))));
		}
	}

	/** Starts the receiver and registers one webhook per department. */
	void start() throws IOException {
		for (Hook hook : hooks.values()) {
			hook.token.bearer(); // fails early, naming the client, when the realm does not know it
		}
		receivers = Executors.newFixedThreadPool(4, named("bench-webhook"));
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		server.setExecutor(receivers);
		for (Hook hook : hooks.values()) {
			server.createContext(HOOK_PATH + hook.department.code() + "/" + run, exchange -> receive(hook, exchange));
		}
		server.start();
		int port = server.getAddress().getPort();
		for (Hook hook : hooks.values()) {
			removeStaleWebhooks(hook);
			String url = "http://127.0.0.1:" + port + HOOK_PATH + hook.department.code() + "/" + run;
			// only what a deciding system needs: new cases, and approvals (to prove no case is decided twice)
			GatewayCalls.Answer answer = calls.post("/api/v1/webhooks",
					Json.write(Map.of("url", url, "events", List.of(CASE_SUBMITTED, CASE_APPROVED))), hook.token,
					Map.of());
			if (!answer.ok()) {
				throw new IllegalStateException("registering the webhook of " + hook.department.code() + " failed: "
						+ answer.status() + " " + answer.body());
			}
			JsonNode registered = Json.read(answer.body());
			hook.secret = Json.text(registered, "secret");
			hook.webhookId = Json.text(registered, "id");
		}
		progress.report("departments: webhooks of " + String.join(", ", hooks.keySet()) + " registered at 127.0.0.1:"
				+ port + " (run " + run + ")");
	}

	/** Cases of an accepted submission: from now on they are decided when announced (or at once, if they were). */
	void ours(List<String> caseIds) {
		ourCases.addAll(caseIds);
		for (String caseId : caseIds) {
			Decision waiting = parked.remove(caseId);
			if (waiting != null) {
				dispatch(waiting);
			}
		}
	}

	int casesAnnounced(List<String> caseIds) {
		int n = 0;
		for (String caseId : caseIds) {
			if (caseSubmittedDeliveries.containsKey(caseId)) {
				n++;
			}
		}
		return n;
	}

	List<String> casesNotAnnounced(List<String> caseIds) {
		return caseIds.stream().filter(c -> !caseSubmittedDeliveries.containsKey(c)).toList();
	}

	/** CaseSubmitted deliveries of the given cases, counting repeats. */
	long caseSubmittedDeliveries(List<String> caseIds) {
		long n = 0;
		for (String caseId : caseIds) {
			AtomicInteger count = caseSubmittedDeliveries.get(caseId);
			n += count == null ? 0 : count.get();
		}
		return n;
	}

	/** Cases among these that were approved by more than one event (decided twice). */
	int decidedTwice(List<String> caseIds) {
		int n = 0;
		for (String caseId : caseIds) {
			Set<String> events = caseApprovedEvents.get(caseId);
			if (events != null && events.size() > 1) {
				n++;
			}
		}
		return n;
	}

	/** nanoTime the case was first announced (CaseSubmitted delivered), or 0. */
	long announcedNanos(String caseId) {
		long[] times = caseTimes.get(caseId);
		return times == null ? 0 : times[0];
	}

	/** nanoTime its approval was answered, or 0. */
	long approvedNanos(String caseId) {
		long[] times = caseTimes.get(caseId);
		return times == null ? 0 : times[1];
	}

	String department(String caseId) {
		return caseDepartment.get(caseId);
	}

	boolean approved(String caseId) {
		return approved.contains(caseId);
	}

	private void receive(Hook hook, HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			var headers = exchange.getRequestHeaders();
			if (!WebhookSignatures.verify(hook.secret, headers.getFirst(WebhookSignatures.TIMESTAMP), body,
					headers.getFirst(WebhookSignatures.SIGNATURE), Instant.now().getEpochSecond())) {
				badSignatures.increment();
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			deliveries.increment();
			exchange.sendResponseHeaders(204, -1);
			String eventId = headers.getFirst(WebhookSignatures.EVENT_ID);
			if (eventId == null || !seenEvents.add(eventId)) {
				redeliveries.increment();
				return;
			}
			String type = headers.getFirst(WebhookSignatures.EVENT_TYPE);
			if (!CASE_SUBMITTED.equals(type) && !CASE_APPROVED.equals(type)) {
				return;
			}
			JsonNode payload = Json.read(body).path("payload");
			String caseId = Json.text(payload, "caseId");
			if (caseId == null || !hook.department.code().equals(Json.text(payload, "departmentCode"))) {
				return;
			}
			if (CASE_APPROVED.equals(type)) {
				caseApprovedEvents.computeIfAbsent(caseId, c -> ConcurrentHashMap.newKeySet()).add(eventId);
				return;
			}
			caseSubmittedDeliveries.computeIfAbsent(caseId, c -> new AtomicInteger()).incrementAndGet();
			caseTimes.computeIfAbsent(caseId, c -> new long[] { System.nanoTime(), 0 });
			caseDepartment.putIfAbsent(caseId, hook.department.code());
			route(new Decision(hook.department.code(), caseId, Json.text(payload, "applicationId"),
					Json.text(payload, "itemCode")));
		}
		catch (RuntimeException ex) {
			progress.report("departments: webhook of " + hook.department.code() + " could not handle a delivery: " + ex);
		}
	}

	private void route(Decision decision) {
		if (ourCases.contains(decision.caseId())) {
			dispatch(decision);
			return;
		}
		parked.put(decision.caseId(), decision);
		// the submission may have been answered in between
		if (ourCases.contains(decision.caseId()) && parked.remove(decision.caseId()) != null) {
			dispatch(decision);
		}
	}

	private void dispatch(Decision decision) {
		try {
			hooks.get(decision.department()).deciders.execute(() -> approve(decision));
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	private void approve(Decision decision) {
		Hook hook = hooks.get(decision.department());
		String body = Json.write(Map.of("licenseData", licenceData(decision.itemCode())));
		Map<String, String> headers = Map.of("Idempotency-Key", "bench-approve-" + decision.caseId());
		for (int attempt = 1; attempt <= 10; attempt++) {
			GatewayCalls.Answer answer = calls.post("/api/v1/cases/" + decision.caseId() + "/approve", body,
					hook.token, headers);
			if (answer.ok()) {
				approvals.increment();
				approved.add(decision.caseId());
				long[] times = caseTimes.get(decision.caseId());
				if (times != null && times[1] == 0) {
					times[1] = System.nanoTime();
				}
				if ("true".equals(answer.replayed())) {
					replayedApprovals.increment();
				}
				return;
			}
			if (answer.status() == 409) {
				// a concurrent update of the application, or the first request with this key still running
				conflicts.increment();
				Backoff.sleep(100L * attempt);
				continue;
			}
			fail(decision, answer);
			return;
		}
		failedApprovals.increment();
		report("departments: " + decision.department() + " gave up approving " + decision.caseId()
				+ " after 10 conflicts");
	}

	private void fail(Decision decision, GatewayCalls.Answer answer) {
		failedApprovals.increment();
		String body = answer.body() == null ? "" : answer.body();
		report("departments: " + decision.department() + " approving " + decision.caseId() + " failed: "
				+ answer.status() + " " + body.substring(0, Math.min(300, body.length())));
	}

	private void report(String line) {
		if (failuresReported.incrementAndGet() <= 10) {
			progress.report(line);
		}
	}

	/** What each licence says, as the deciding department states it (names are camelCase). */
	static Map<String, String> licenceData(String itemCode) {
		Map<String, String> data = new LinkedHashMap<>();
		if (itemCode == null) {
			return data;
		}
		if (itemCode.contains("SCJG")) {
			data.put("businessScope", "餐饮服务；预包装食品销售");
			data.put("premises", "深圳市福田区福华路88号一层");
			data.put("legalForm", "有限责任公司");
		}
		else if (itemCode.contains("WSJK")) {
			data.put("premises", "深圳市福田区福华路88号一层");
			data.put("placeType", "餐饮场所");
			data.put("floorArea", "260平方米");
		}
		else if (itemCode.contains("XFJY")) {
			data.put("premises", "深圳市福田区福华路88号一层");
			data.put("usage", "餐饮");
			data.put("seats", "80");
		}
		return data;
	}

	/**
	 * Removes this department's webhooks left by earlier bench runs: bench-shaped loopback URLs whose receiver no
	 * longer accepts connections (a live receiver may be another bench running right now: it stays).
	 */
	private void removeStaleWebhooks(Hook hook) {
		GatewayCalls.Answer list = calls.get("/api/v1/webhooks", hook.token);
		if (!list.ok()) {
			progress.report("departments: could not list the webhooks of " + hook.department.code() + ": "
					+ list.status());
			return;
		}
		List<String> removed = new ArrayList<>();
		for (JsonNode webhook : Json.read(list.body())) {
			String url = Json.text(webhook, "url");
			String id = Json.text(webhook, "id");
			if (url == null || id == null || !url.contains(HOOK_PATH) || listening(url)) {
				continue;
			}
			if (calls.delete("/api/v1/webhooks/" + id, hook.token).ok()) {
				removed.add(id);
			}
		}
		if (!removed.isEmpty()) {
			progress.report("departments: removed " + removed.size() + " stale webhook(s) of "
					+ hook.department.code() + " left by earlier runs");
		}
	}

	private static boolean listening(String url) {
		try {
			URI uri = URI.create(url);
			Loopback.host(uri.getHost(), url);
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
				return true;
			}
		}
		catch (IllegalArgumentException ex) {
			return true; // not ours to probe or remove
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		for (Hook hook : hooks.values()) {
			hook.deciders.shutdownNow();
			if (hook.webhookId != null) {
				try {
					calls.delete("/api/v1/webhooks/" + hook.webhookId, hook.token);
				}
				catch (RuntimeException ex) {
					progress.report("departments: could not remove webhook " + hook.webhookId + ": " + ex);
				}
			}
		}
		if (server != null) {
			server.stop(0);
		}
		if (receivers != null) {
			receivers.shutdownNow();
		}
		for (Hook hook : hooks.values()) {
			try {
				hook.deciders.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static java.util.concurrent.ThreadFactory named(String prefix) {
		AtomicInteger n = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
