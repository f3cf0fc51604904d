package org.yiwang.bench.theme;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;
import tools.jackson.databind.JsonNode;

/**
 * What {@link ThemeScenario} and {@link Burst} share: applicants submitting the 开餐馆-shaped theme through the
 * gateway with their own tokens, the three department systems deciding on webhooks, and completion learnt from
 * {@code license.events}. Started once, used for one or more runs, closed with its owner.
 */
final class ThemeDriver implements AutoCloseable {

	static final String BUSINESS_REGISTRATION = "44030000SCJG-QR-0002";

	static final String PUBLIC_HYGIENE = "44030000WSJK-XK-0001";

	static final String FIRE_CHECK = "44030000XFJY-XK-0001";

	static final List<String> APPLICANTS = List.of("zhangsan", "lisi", "wangwu");

	/**
	 * The submission every applicant makes: three departments, hygiene waits for the business registration. A
	 * multi-item application with its own order, not filed under the 开餐馆 theme: the theme's published plan is
	 * binding (its answers choose seven items), and this benchmark keeps the three-department shape of issue 11.
	 */
	static final String SUBMISSION;

	static {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("itemCodes", List.of(BUSINESS_REGISTRATION, PUBLIC_HYGIENE, FIRE_CHECK));
		body.put("order", List.of(Map.of("before", BUSINESS_REGISTRATION, "after", PUBLIC_HYGIENE)));
		SUBMISSION = Json.write(body);
	}

	/** One submission's outcome. */
	record Submitted(boolean accepted, String applicationId, int tooMany, int unavailable, long firstSentNanos,
			long lastAttemptNanos, long answeredNanos) {

		boolean refused() {
			return tooMany > 0 || unavailable > 0;
		}

	}

	private final BenchTarget target;

	private final Progress progress;

	private final HttpClient http = GatewayCalls.newClient();

	private final GatewayCalls calls;

	private final List<TokenSource> applicants = new ArrayList<>();

	private final AtomicInteger failedSubmissions = new AtomicInteger();

	private DepartmentSystems departments;

	private LicenceFeed feed;

	private volatile Completion current;

	private boolean started;

	ThemeDriver(BenchTarget target, Progress progress) {
		this.target = target;
		this.progress = progress;
		this.calls = new GatewayCalls(http, target.gatewayUrl());
	}

	synchronized void start() {
		if (started) {
			return;
		}
		String password = target.secret("DEMO_USER_PASSWORD");
		for (String username : APPLICANTS) {
			applicants.add(TokenSource.password(http, target.keycloakUrl(), "yiwang-cli", username, password));
		}
		applicants.forEach(TokenSource::bearer);
		departments = new DepartmentSystems(target, calls, http, progress);
		try {
			departments.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the webhook receiver: " + ex, ex);
		}
		feed = new LicenceFeed(target.kafkaBootstrap(), issued -> {
			Completion completion = current;
			if (completion != null) {
				completion.licenceIssued(issued.eventId(), issued.caseId(), issued.seenNanos());
			}
		});
		feed.start(Duration.ofSeconds(60));
		progress.report("theme: following " + LicenceFeed.TOPIC + " as consumer group " + feed.group());
		started = true;
	}

	/** A fresh bookkeeping for one run; licences of earlier runs' applications no longer count. */
	Completion begin() {
		Completion completion = new Completion();
		current = completion;
		return completion;
	}

	String feedGroup() {
		return feed.group();
	}

	/** One applicant (chosen by {@code index}) submits the theme; an accepted application is tracked. */
	Submitted submit(int index, Completion completion) {
		TokenSource applicant = applicants.get(index % applicants.size());
		GatewayCalls.Answer answer = calls.post("/api/v1/applications", SUBMISSION, applicant, Map.of());
		if (!answer.ok()) {
			if (failedSubmissions.incrementAndGet() <= 10) {
				String body = answer.body() == null ? "" : answer.body();
				progress.report("theme: submission by " + applicant.name() + " failed: " + answer.status() + " "
						+ body.substring(0, Math.min(300, body.length())));
			}
			return new Submitted(false, null, answer.tooMany(), answer.unavailable(), answer.firstSentNanos(),
					answer.lastAttemptNanos(), answer.answeredNanos());
		}
		JsonNode application = Json.read(answer.body());
		String id = Json.text(application, "id");
		List<String> caseIds = new ArrayList<>();
		application.path("cases").forEach(c -> caseIds.add(Json.text(c, "caseId")));
		completion.submitted(id, caseIds, answer.firstSentNanos());
		departments.ours(caseIds);
		return new Submitted(true, id, answer.tooMany(), answer.unavailable(), answer.firstSentNanos(),
				answer.lastAttemptNanos(), answer.answeredNanos());
	}

	int failedSubmissions() {
		return failedSubmissions.get();
	}

	/**
	 * Progress every ~2 s until stopped: submitted, completed, completion rate, in flight, what the gateway
	 * refused, what the departments received and decided.
	 */
	ScheduledExecutorService monitor(String label, Completion completion, int planned, IntSupplier attempted) {
		ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(DepartmentSystems.named("bench-progress"));
		long start = System.nanoTime();
		int[] lastCompleted = { 0 };
		long[] lastAt = { start };
		monitor.scheduleAtFixedRate(() -> {
			long now = System.nanoTime();
			int completed = completion.completed();
			int submitted = completion.submitted();
			double rate = (completed - lastCompleted[0]) * 1e9 / Math.max(1, now - lastAt[0]);
			double overall = completed * 1e9 / Math.max(1, now - start);
			lastCompleted[0] = completed;
			lastAt[0] = now;
			progress.report(String.format(
					"%s: %ds submitted %d/%d (attempted %d), completed %d, %.1f/s now, %.1f/s overall, in flight %d,"
							+ " 429 waits %d, unavailable %d, webhook deliveries %d, approvals %d",
					label, TimeUnit.NANOSECONDS.toSeconds(now - start), submitted, planned, attempted.getAsInt(),
					completed, rate, overall, submitted - completed, calls.tooMany.sum(), calls.unavailable.sum(),
					departments.deliveries.sum(), departments.approvals.sum()));
		}, 2, 2, TimeUnit.SECONDS);
		return monitor;
	}

	/**
	 * Waits until every tracked application completed, or nothing moved for {@code idle}; the caller has finished
	 * submitting.
	 */
	void awaitCompletion(Completion completion, Duration idle) {
		while (completion.completed() < completion.submitted()) {
			if (System.nanoTime() - completion.lastProgressNanos() > idle.toNanos()) {
				progress.report("theme: no licence for " + idle.toSeconds() + " s; "
						+ (completion.submitted() - completion.completed()) + " application(s) unfinished");
				return;
			}
			Backoff.sleep(100);
		}
	}

	/** Lost applications (with ids and where each stuck), delivery and decision figures, after a run. */
	void summarise(String label, Completion completion) {
		List<String> cases = completion.caseIds();
		int notAnnounced = cases.size() - departments.casesAnnounced(cases);
		progress.report(String.format(
				"%s: %d cases; CaseSubmitted reached its department for %d (deliveries %d); webhook deliveries %d"
						+ " (redelivered %d, bad signatures %d); approvals %d (replayed %d, 409 retries %d, failed %d);"
						+ " cases decided twice %d; licence events redelivered %d; failed submissions %d",
				label, cases.size(), cases.size() - notAnnounced, departments.caseSubmittedDeliveries(cases),
				departments.deliveries.sum(), departments.redeliveries.sum(), departments.badSignatures.sum(),
				departments.approvals.sum(), departments.replayedApprovals.sum(), departments.conflicts.sum(),
				departments.failedApprovals.sum(), departments.decidedTwice(cases), completion.redeliveries(),
				failedSubmissions.get()));
		progress.report(label + ": stages p50/p90/max: " + stages(completion).describe());
		List<Completion.Unfinished> unfinished = completion.unfinished();
		if (!unfinished.isEmpty()) {
			progress.report(label + ": " + unfinished.size() + " lost (accepted, never complete):");
		}
		unfinished.stream().limit(20).forEach(u -> {
			StringBuilder line = new StringBuilder("  lost ").append(u.applicationId()).append(':');
			for (String caseId : u.casesWithoutLicence()) {
				line.append(' ')
					.append(caseId)
					.append(departments.casesNotAnnounced(List.of(caseId)).isEmpty() ? " announced" : " never announced")
					.append(departments.approved(caseId) ? "+approved" : "")
					.append(';');
			}
			progress.report(line.toString());
		});
		if (unfinished.size() > 20) {
			progress.report("  … and " + (unfinished.size() - 20) + " more");
		}
	}

	private Stages stages(Completion completion) {
		Stages stages = new Stages();
		for (Completion.Timeline app : completion.timelines()) {
			Map<String, String> caseOfDepartment = new LinkedHashMap<>();
			for (String caseId : app.caseIds()) {
				String department = departments.department(caseId);
				if (department != null) {
					caseOfDepartment.put(department, caseId);
				}
			}
			for (int i = 0; i < app.caseIds().size(); i++) {
				String caseId = app.caseIds().get(i);
				String department = departments.department(caseId);
				if (department == null) {
					continue;
				}
				long announced = departments.announcedNanos(caseId);
				long approved = departments.approvedNanos(caseId);
				String predecessor = "WSJK".equals(department) ? caseOfDepartment.get("SCJG") : null;
				if (predecessor == null) {
					stages.add("submit→announced " + department, app.sentNanos(), announced);
				}
				else {
					stages.add("SCJG approved→announced WSJK", departments.approvedNanos(predecessor), announced);
				}
				stages.add("announced→approved", announced, approved);
				stages.add("approved→licence " + department, approved, app.licenceNanos().get(i));
			}
		}
		return stages;
	}

	int decidedTwice(Completion completion) {
		return departments.decidedTwice(completion.caseIds());
	}

	@Override
	public void close() {
		current = null;
		if (feed != null) {
			feed.close();
		}
		if (departments != null) {
			departments.close();
		}
	}

}
