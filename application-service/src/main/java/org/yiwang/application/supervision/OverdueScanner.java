package org.yiwang.application.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Applications;
import org.yiwang.application.application.Case;
import org.yiwang.application.application.CaseEvents;
import org.yiwang.application.application.CaseStatus;
import org.yiwang.application.calendar.WorkingCalendar;
import org.yiwang.application.calendar.WorkingCalendars;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 效能监察: reads the clock of every open, accepted case and raises {@code application.CaseDeadlineWarning} at 80 %
 * of the promised limit and {@code application.CaseOverdue} past it, each once per case (the marks live on the
 * case, written with the event). A scan that meets an officer's concurrent save skips that application; the
 * next scan retries it. Time comes from the injected {@link Clock}, so tests drive it.
 */
@Component
public class OverdueScanner {

	private static final Logger log = LoggerFactory.getLogger(OverdueScanner.class);

	private static final List<String> RUNNING = List.of(CaseStatus.ACCEPTED.name(), CaseStatus.UNDER_REVIEW.name(),
			CaseStatus.SUPPLEMENTED.name(), CaseStatus.CORRECTION_REQUESTED.name(),
			CaseStatus.SPECIAL_PROCEDURE.name());

	private final MongoTemplate mongo;

	private final Applications applications;

	private final WorkingCalendars calendars;

	private final Clock clock;

	OverdueScanner(MongoTemplate mongo, Applications applications, WorkingCalendars calendars, Clock clock) {
		this.mongo = mongo;
		this.applications = applications;
		this.calendars = calendars;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${platform.supervision.scan-interval:5m}", initialDelayString = "${platform.supervision.initial-delay:1m}")
	void scheduled() {
		scan(Instant.now(clock));
	}

	/** Scans as of {@code now}; returns how many warnings and escalations were raised. */
	public int scan(Instant now) {
		WorkingCalendar calendar = calendars.calendar();
		int raised = 0;
		String after = "";
		while (true) {
			// pages of 200 by id, so a large backlog never loads at once
			List<Application> page = mongo.find(new Query(Criteria.where("cases.status").in(RUNNING).and("_id").gt(after))
				.with(org.springframework.data.domain.Sort.by("_id"))
				.limit(200), Application.class);
			if (page.isEmpty()) {
				return raised;
			}
			after = page.get(page.size() - 1).getId();
			raised += scanPage(page, calendar, now);
		}
	}

	private int scanPage(List<Application> page, WorkingCalendar calendar, Instant now) {
		int raised = 0;
		for (Application application : page) {
			boolean changed = false;
			for (Case c : application.getCases()) {
				if (!RUNNING.contains(c.getStatus().name())) {
					continue;
				}
				StatutoryClock reading = StatutoryClock.of(c, calendar, now);
				CaseEvents.CaseDeadline figures = new CaseEvents.CaseDeadline(c.getCaseId(), application.getId(),
						c.getItemCode(), c.getDepartmentCode(), reading.level().name(), reading.usedDays(),
						reading.promisedDays(), reading.legalDays(), reading.promisedDeadline(), now);
				if (reading.level() == StatutoryClock.Level.RED && application.escalateOverdue(c.getCaseId(), figures, now)) {
					changed = true;
					raised++;
				}
				else if (reading.level() == StatutoryClock.Level.YELLOW
						&& application.warnDeadline(c.getCaseId(), figures, now)) {
					changed = true;
					raised++;
				}
			}
			if (changed) {
				try {
					applications.save(application);
				}
				catch (OptimisticLockingFailureException ex) {
					log.debug("application {} changed during the scan; next scan retries", application.getId());
				}
			}
		}
		return raised;
	}

}
