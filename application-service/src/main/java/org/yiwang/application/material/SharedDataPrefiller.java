package org.yiwang.application.material;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Applications;
import org.yiwang.application.peer.PeerUnavailableException;
import org.yiwang.shared.mongo.PendingMarker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * 免提交 (once-only): fetches an application's shared-data materials from the exchange, so the applicant does not
 * upload what the government already holds. Works from the applications themselves, not from a message: an
 * application submitted with shared-data requirements is PENDING, and this job claims it (a lease on the document,
 * so two replicas never fetch the same application at once), resolves the data subject (the enterprise's USCC, or
 * the applicant's verified ID number from identity-service), asks the exchange once for all its resources, and
 * records each answer with its provenance. When a peer is down it tries again with growing back-off; after the
 * last attempt the applicant is asked to upload instead. Nothing is lost if the service stops in between: the
 * lease runs out and another attempt claims it.
 * <p>
 * Finding the work costs no search: every save of an application still waiting for its data schedules an attempt
 * by id ({@link #saved}); the sweep for work left behind, once a minute, reads only the waiting applications.
 */
@Component
public class SharedDataPrefiller {

	private static final Logger log = LoggerFactory.getLogger(SharedDataPrefiller.class);

	private final MongoTemplate mongo;

	private final Applications applications;

	private final PeerCalls peers;

	private final Clock clock;

	private final Duration lease;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final int maxAttempts;

	private final ScheduledExecutorService workers;

	/** The marker of applications waiting for their shared data ({@link Application#getPrefillDue}). */
	static final PendingMarker DUE = new PendingMarker("prefillDue");

	/** Waiting applications one sweep looks at, earliest due first. */
	private static final int SWEEP_BATCH = 20;


	SharedDataPrefiller(MongoTemplate mongo, Applications applications, PeerCalls peers, Clock clock,
			@Value("${platform.prefill.lease:2m}") Duration lease,
			@Value("${platform.prefill.initial-backoff:5s}") Duration initialBackoff,
			@Value("${platform.prefill.max-backoff:10m}") Duration maxBackoff,
			@Value("${platform.prefill.max-attempts:20}") int maxAttempts,
			@Value("${platform.prefill.workers:4}") int workerThreads) {
		this.mongo = mongo;
		this.applications = applications;
		this.peers = peers;
		this.clock = clock;
		this.lease = lease;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.maxAttempts = maxAttempts;
		this.workers = Executors.newScheduledThreadPool(workerThreads, runnable -> {
			Thread thread = new Thread(runnable, "prefill");
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	/**
	 * An application was saved still waiting for its shared data: try it when its next attempt is due. Called for
	 * every save ({@link PrefillOnSave}); the work runs on this component's own threads.
	 */
	public void saved(Application application) {
		Application.PrefillState state = application.getPrefill();
		if (state == null || !Application.PrefillState.PENDING.equals(state.status())) {
			return;
		}
		Instant now = clock.instant();
		if (state.leaseUntil() != null && state.leaseUntil().isAfter(now)) {
			return; // being worked on; its outcome is saved (and seen here) again
		}
		long delay = state.nextAttemptAt() == null ? 0
				: Math.max(0, Duration.between(now, state.nextAttemptAt()).toMillis());
		String id = application.getId();
		try {
			workers.schedule(() -> attempt(id), delay, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// shutting down: the sweep of the next start finds it
		}
	}

	private void attempt(String applicationId) {
		try {
			Application claimed = claim(applicationId);
			if (claimed != null) {
				prefill(claimed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Prefill of {} failed unexpectedly, the sweep retries: {}", applicationId, ex.getMessage());
		}
	}

	/**
	 * Claims one application by its id (a key lookup, and a write guarded by its revision): PENDING, due, and no
	 * live lease of another worker. Null when it is not due or someone else holds it; else the application as
	 * claimed (lease and revision as written), so the attempt needs no second read.
	 */
	Application claim(String applicationId) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Application application = applications.findById(applicationId).orElse(null);
			Instant now = clock.instant();
			Application.PrefillState state = application == null ? null : application.getPrefill();
			if (state == null || !Application.PrefillState.PENDING.equals(state.status())
					|| (state.nextAttemptAt() != null && state.nextAttemptAt().isAfter(now))
					|| (state.leaseUntil() != null && state.leaseUntil().isAfter(now))) {
				return null;
			}
			Query unchanged = new Query(
					Criteria.where("_id").is(applicationId).and("revision").is(application.getRevision()));
			Instant until = now.plus(lease);
			Update take = new Update().set("prefill.leaseUntil", until).inc("revision", 1);
			if (mongo.updateFirst(unchanged, take, Application.class).getModifiedCount() == 1) {
				application.prefillLeased(until);
				return application;
			}
		}
		return null;
	}

	/**
	 * The sweep: applications whose attempt is due but that nobody is working on — left by a replica that stopped,
	 * or whose scheduled attempt was lost with a restart. Found by their marker ({@code prefillDue}, a sparse unique
	 * index over the waiting applications only), earliest due first, and claimed by id; every application saved here
	 * is attempted without it ({@code platform.prefill.sweep-interval}).
	 */
	@Scheduled(fixedDelayString = "${platform.prefill.sweep-interval:1m}", initialDelayString = "${platform.prefill.sweep-interval:1m}")
	public void poll() {
		Query legacy = new Query(Criteria.where("prefill.status").is(Application.PrefillState.PENDING));
		legacy.fields().include("prefill.nextAttemptAt");
		DUE.declare(mongo, mongo.getCollectionName(Application.class), legacy, SharedDataPrefiller::legacyMarker);
		for (Object id : DUE.dueIds(mongo, mongo.getCollectionName(Application.class), clock.instant(), SWEEP_BATCH)) {
			Application claimed = claim((String) id);
			if (claimed != null) {
				prefill(claimed);
			}
		}
	}

	/** The marker of an application saved before markers existed, from its prefill state. */
	private static String legacyMarker(Document application) {
		Document state = application.get("prefill", Document.class);
		Date next = state == null ? null : state.get("nextAttemptAt", Date.class);
		return PendingMarker.due(next == null ? Instant.EPOCH : next.toInstant(), application.get("_id"));
	}

	/** One attempt for one claimed application; the outcome is saved on the application either way. */
	void prefill(Application application) {
		String applicationId = application.getId();
		if (application.sharedDataToFetch().isEmpty()) {
			finish(application, a -> a.prefillDone(clock.instant()));
			return;
		}
		try {
			Outcome outcome = fetch(application);
			finish(application, a -> {
				outcome.filled().forEach(a::recordSharedData);
				outcome.unavailable().forEach(a::sharedDataUnavailable);
				a.prefillDone(clock.instant());
			});
			log.info("Prefilled {}: {} filled, {} to upload", applicationId, outcome.filled().size(),
					outcome.unavailable().size());
		}
		catch (PeerUnavailableException ex) {
			failed(application, ex.getMessage(), false);
		}
		catch (HttpClientErrorException ex) {
			// the exchange or identity refused the request itself: repeating it will not help
			log.error("Prefill of {} refused with HTTP {}: {}", applicationId, ex.getStatusCode().value(),
					ex.getResponseBodyAsString());
			failed(application, "HTTP " + ex.getStatusCode().value(), true);
		}
	}

	private Outcome fetch(Application application) {
		List<Application.Requirement> wanted = application.sharedDataToFetch();
		Map<String, Application.Material> filled = new LinkedHashMap<>();
		Map<String, String> unavailable = new LinkedHashMap<>();
		String subject;
		if (application.getEnterpriseUscc() != null) {
			subject = application.getEnterpriseUscc();
		}
		else {
			var person = peers.resolve(application.getApplicantSubject()).orElse(null);
			if (person == null || person.idNumber() == null) {
				wanted.forEach(r -> unavailable.put(r.key(), "未找到申请人的实名身份信息，请上传"));
				return new Outcome(filled, unavailable);
			}
			subject = person.idNumber();
		}
		List<String> resources = wanted.stream().map(Application.Requirement::dataResource).distinct().toList();
		String purpose = purpose(application, wanted);
		PeerCalls.PrefillAnswer answer = peers.prefill(application.getId(), subject, resources, purpose);
		Map<String, PeerCalls.PrefillItem> byResource = answer.items() == null ? Map.of()
				: answer.items().stream().collect(Collectors.toMap(PeerCalls.PrefillItem::resourceCode, i -> i, (a, b) -> a));
		for (Application.Requirement requirement : wanted) {
			PeerCalls.PrefillItem item = byResource.get(requirement.dataResource());
			if (item != null && item.filled()) {
				filled.put(requirement.key(),
						new Application.Material("MAT-SD-" + requirement.dataResource(), requirement.name(), "SHARED_DATA",
								"exchange:access-record:" + item.accessRecordSeq(), null, 0, null, "exchange-service",
								item.retrievedAt() != null ? item.retrievedAt() : clock.instant(), requirement.key(),
								item.providerDepartmentName(), item.data() == null ? Map.of() : item.data()));
			}
			else {
				unavailable.put(requirement.key(), reason(item));
			}
		}
		return new Outcome(filled, unavailable);
	}

	private static String purpose(Application application, List<Application.Requirement> wanted) {
		String items = application.getCases().stream().map(c -> c.getItemName()).distinct().collect(Collectors.joining("、"));
		String materials = wanted.stream().map(Application.Requirement::name).collect(Collectors.joining("、"));
		String purpose = "办理" + items + "（办件 " + application.getId() + "）：免提交" + materials;
		return purpose.length() > 500 ? purpose.substring(0, 499) + "…" : purpose;
	}

	private static String reason(PeerCalls.PrefillItem item) {
		if (item == null) {
			return "数据共享平台未返回该资源，请上传";
		}
		return switch (item.status()) {
			case "NO_GRANT" -> "本平台暂无该数据的共享授权，请上传";
			case "NOT_FOUND" -> item.providerDepartmentName() + "未查到您的相关数据，请上传";
			case "SUBJECT_TYPE_MISMATCH" -> "该数据不适用于本申请主体，请上传";
			default -> item.providerDepartmentName() + "暂时无法提供该数据，请上传";
		};
	}

	private void failed(Application application, String error, boolean giveUp) {
		String applicationId = application.getId();
		finish(application, a -> {
			int attempts = a.getPrefill() == null ? 0 : a.getPrefill().attempts();
			boolean last = giveUp || attempts + 1 >= maxAttempts;
			Instant next = clock.instant().plus(backoff(attempts));
			a.prefillFailed(error, next, last, clock.instant());
		});
		log.warn("Prefill of {} failed ({}){}", applicationId, error, giveUp ? "; the applicant is asked to upload" : "; retrying later");
	}

	Duration backoff(int attempts) {
		Duration d = initialBackoff.multipliedBy(1L << Math.min(attempts, 16));
		return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
	}

	/**
	 * Applies a change to the claimed copy and saves it; when an officer saved the same application in between (a
	 * version conflict), to the freshest copy instead.
	 */
	private void finish(Application claimed, java.util.function.Consumer<Application> change) {
		String applicationId = claimed.getId();
		for (int attempt = 0; attempt < 5; attempt++) {
			Application application = attempt == 0 ? claimed : applications.findById(applicationId).orElse(null);
			if (application == null) {
				return;
			}
			change.accept(application);
			try {
				applications.save(application);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("retrying prefill outcome of {} after a concurrent update", applicationId);
			}
		}
		throw new IllegalStateException("could not record the prefill outcome of " + applicationId);
	}

	private record Outcome(Map<String, Application.Material> filled, Map<String, String> unavailable) {
	}

}
