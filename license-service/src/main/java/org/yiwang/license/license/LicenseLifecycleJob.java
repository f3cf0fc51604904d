package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Proactive service (主动服务), once a day: renewal reminders 30 and 7 days before expiry, and expiry the day after
 * the last valid day, each emitted once as an event through the licence's outbox. Runs with an injectable clock;
 * a licence changed concurrently is simply picked up again on the next run.
 */
@Component
public class LicenseLifecycleJob {

	private static final Logger log = LoggerFactory.getLogger(LicenseLifecycleJob.class);

	private final Licenses licenses;

	private final MongoTemplate mongo;

	private final Clock clock;

	public LicenseLifecycleJob(Licenses licenses, MongoTemplate mongo, Clock clock) {
		this.licenses = licenses;
		this.mongo = mongo;
		this.clock = clock;
	}

	@Scheduled(cron = "${platform.license.reminders.cron:0 15 2 * * *}", zone = "Asia/Shanghai")
	public void daily() {
		run();
	}

	/** @return how many licences got a reminder or expired */
	public int run() {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.ofInstant(now, License.ZONE);
		int maxDays = LicenseEvents.LicenseRenewalDue.REMINDER_DAYS.stream().mapToInt(Integer::intValue).max()
			.orElse(30);
		Query due = new Query(Criteria.where("status")
			.in(LicenseStatus.VALID.name(), LicenseStatus.SUSPENDED.name())
			.and("validUntil")
			.lte(today.plusDays(maxDays)));
		due.fields().include("_id");
		List<String> numbers = mongo.find(due, org.bson.Document.class, "licenses")
			.stream()
			.map(d -> d.getString("_id"))
			.toList();
		int changed = 0;
		for (String number : numbers) {
			License license = licenses.findById(number).orElse(null);
			if (license == null || !license.onDay(today, now)) {
				continue;
			}
			try {
				licenses.save(license);
				changed++;
			}
			catch (OptimisticLockingFailureException ex) {
				log.info("licence {} changed meanwhile; next run picks it up", number);
			}
		}
		return changed;
	}

}
