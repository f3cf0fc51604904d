package org.yiwang.application.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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
import org.yiwang.shared.mongo.PendingMarker;

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

	private static final List<String> RUNNING = Arrays.stream(CaseStatus.values())
		.filter(CaseStatus::supervised)
		.map(CaseStatus::name)
		.toList();

	/** The marker of applications with a supervised case ({@link Application#getSupervised}). */
	static final PendingMarker SUPERVISED = new PendingMarker("supervised");

	private static final int PAGE = 200;


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

	/**
	 * Scans as of {@code now}; returns how many warnings and escalations were raised. Reads only the applications
	 * with a supervised case, found by their marker ({@code supervised}, a sparse unique index), in pages of 200.
	 */
	public int scan(Instant now) {
		SUPERVISED.declare(mongo, mongo.getCollectionName(Application.class),
				new Query(Criteria.where("cases.status").in(RUNNING)), document -> document.getString("_id"));
		WorkingCalendar calendar = calendars.calendar();
		// the ids first (small, whatever the backlog), then the applications in pages by id
		List<Object> ids = SUPERVISED.ids(mongo, mongo.getCollectionName(Application.class));
		int raised = 0;
		for (int from = 0; from < ids.size(); from += PAGE) {
			List<Object> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
			raised += scanPage(mongo.find(new Query(Criteria.where("_id").in(page)), Application.class), calendar,
					now);
		}
		return raised;
	}

	private int scanPage(List<Application> page, WorkingCalendar calendar, Instant now) {
		int raised = 0;
		for (Application application : page) {
			boolean changed = false;
			for (Case c : application.getCases()) {
				if (!c.getStatus().supervised()) {
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
