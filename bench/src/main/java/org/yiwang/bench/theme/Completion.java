package org.yiwang.bench.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Which submitted applications are complete, learnt from {@code license.LicenseIssued} events only: an
 * application is complete when every one of its cases has a licence; its latency runs from the moment its
 * submission was sent to the moment the last of those licences was seen.
 * <p>
 * Per case: a second event with the <em>same</em> event id is a redelivery (the outbox and Kafka deliver at least
 * once; consumers de-duplicate) and harmless; a second event with <em>another</em> event id is a licence issued
 * twice for one case — an effect applied twice — and counts as a duplicate. A licence may be seen before the
 * submission's answer is (the answer is still on its way while the platform moves on): it is kept and counted when
 * the application is registered.
 */
final class Completion {

	/** One tracked application: when it was sent, its cases, when each case's licence was first seen (0: not). */
	record Timeline(String applicationId, long sentNanos, List<String> caseIds, List<Long> licenceNanos) {
	}

	/** An application that did not complete, and which of its cases got no licence. */
	record Unfinished(String applicationId, List<String> casesWithoutLicence) {
	}

	private static final class Tracked {

		final String id;

		final List<String> caseIds;

		final long sentNanos;

		long completedNanos;

		Tracked(String id, List<String> caseIds, long sentNanos) {
			this.id = id;
			this.caseIds = caseIds;
			this.sentNanos = sentNanos;
		}

	}

	private static final class CaseLicences {

		final Set<String> eventIds = new HashSet<>(2);

		int deliveries;

		long firstNanos;

	}

	private final Map<String, Tracked> applications = new LinkedHashMap<>();

	private final Map<String, Tracked> applicationOfCase = new HashMap<>();

	private final Map<String, CaseLicences> licences = new HashMap<>();

	private final Histogram latencyMillis = new Histogram(3);

	private int completed;

	private int duplicates;

	private int redeliveries;

	private long firstSentNanos;

	private long lastCompletedNanos;

	private long lastProgressNanos = System.nanoTime();

	/** Registers an accepted submission: its id, its cases, and when it was sent. */
	synchronized void submitted(String applicationId, List<String> caseIds, long sentNanos) {
		if (applications.containsKey(applicationId)) {
			return;
		}
		Tracked tracked = new Tracked(applicationId, List.copyOf(caseIds), sentNanos);
		applications.put(applicationId, tracked);
		firstSentNanos = applications.size() == 1 ? sentNanos : Math.min(firstSentNanos, sentNanos);
		lastProgressNanos = System.nanoTime();
		for (String caseId : tracked.caseIds) {
			applicationOfCase.put(caseId, tracked);
			CaseLicences seen = licences.get(caseId);
			if (seen != null && !seen.eventIds.isEmpty()) {
				duplicates += seen.eventIds.size() - 1;
				redeliveries += seen.deliveries - seen.eventIds.size();
			}
		}
		checkComplete(tracked);
	}

	/** A {@code license.LicenseIssued} event, seen at {@code atNanos}. */
	synchronized void licenceIssued(String eventId, String caseId, long atNanos) {
		if (caseId == null || eventId == null) {
			return;
		}
		CaseLicences seen = licences.computeIfAbsent(caseId, id -> new CaseLicences());
		seen.deliveries++;
		boolean fresh = seen.eventIds.add(eventId);
		if (seen.eventIds.size() == 1 && fresh) {
			seen.firstNanos = atNanos;
		}
		Tracked tracked = applicationOfCase.get(caseId);
		if (tracked == null) {
			return;
		}
		lastProgressNanos = System.nanoTime();
		if (!fresh) {
			redeliveries++;
		}
		else if (seen.eventIds.size() > 1) {
			duplicates++;
		}
		checkComplete(tracked);
	}

	private void checkComplete(Tracked tracked) {
		if (tracked.completedNanos != 0) {
			return;
		}
		long last = 0;
		for (String caseId : tracked.caseIds) {
			CaseLicences seen = licences.get(caseId);
			if (seen == null || seen.eventIds.isEmpty()) {
				return;
			}
			last = Math.max(last, seen.firstNanos);
		}
		tracked.completedNanos = last;
		completed++;
		lastCompletedNanos = Math.max(lastCompletedNanos, last);
		latencyMillis.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMillis(last - tracked.sentNanos)));
	}

	synchronized int submitted() {
		return applications.size();
	}

	synchronized int completed() {
		return completed;
	}

	synchronized int duplicates() {
		return duplicates;
	}

	synchronized int redeliveries() {
		return redeliveries;
	}

	synchronized boolean isTracked(String caseId) {
		return applicationOfCase.containsKey(caseId);
	}

	synchronized List<String> caseIds() {
		return new ArrayList<>(applicationOfCase.keySet());
	}

	synchronized long firstSentNanos() {
		return firstSentNanos;
	}

	synchronized long lastCompletedNanos() {
		return lastCompletedNanos;
	}

	/** When a submission or a licence of a tracked application was last seen. */
	synchronized long lastProgressNanos() {
		return lastProgressNanos;
	}

	synchronized Histogram latencyMillis() {
		return latencyMillis.copy();
	}

	synchronized List<Timeline> timelines() {
		List<Timeline> result = new ArrayList<>(applications.size());
		for (Tracked tracked : applications.values()) {
			List<Long> seen = new ArrayList<>();
			for (String caseId : tracked.caseIds) {
				CaseLicences licence = licences.get(caseId);
				seen.add(licence == null || licence.eventIds.isEmpty() ? 0L : licence.firstNanos);
			}
			result.add(new Timeline(tracked.id, tracked.sentNanos, tracked.caseIds, seen));
		}
		return result;
	}

	synchronized List<Unfinished> unfinished() {
		List<Unfinished> result = new ArrayList<>();
		for (Tracked tracked : applications.values()) {
			if (tracked.completedNanos == 0) {
				List<String> missing = tracked.caseIds.stream()
					.filter(c -> licences.get(c) == null || licences.get(c).eventIds.isEmpty())
					.toList();
				result.add(new Unfinished(tracked.id, missing));
			}
		}
		return result;
	}

}
