package org.yiwang.application.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Case;
import org.yiwang.application.application.CaseRow;
import org.yiwang.application.application.CaseStatus;
import org.yiwang.application.application.DepartmentCases;
import org.yiwang.application.calendar.WorkingCalendar;
import org.yiwang.application.calendar.WorkingCalendars;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 效能监察 for supervisors: the queue of overdue cases, and figures by department and item (on-time rate,
 * average working days used against promised, corrections per case).
 */
@RestController
@Validated
@RequestMapping("/api/v1/supervision")
class SupervisionController {

	private final DepartmentCases cases;

	private final MongoTemplate mongo;

	private final WorkingCalendars calendars;

	private final Clock clock;

	SupervisionController(DepartmentCases cases, MongoTemplate mongo, WorkingCalendars calendars, Clock clock) {
		this.cases = cases;
		this.mongo = mongo;
		this.calendars = calendars;
		this.clock = clock;
	}

	@GetMapping("/overdue-cases")
	PageView<OverdueCase> overdue(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		requireSupervisor();
		DepartmentCases.Slice slice = cases.escalated(page, size);
		WorkingCalendar calendar = calendars.calendar();
		Instant now = Instant.now(clock);
		return new PageView<>(slice.items().stream().map(r -> OverdueCase.of(r, calendar, now)).toList(), page, size,
				slice.total());
	}

	/**
	 * Figures over concluded cases (optionally of one department), grouped by department and item: on-time rate,
	 * days used against promised, corrections per case, and 跑动次数 — visits to a service hall per case and the share
	 * of cases that needed none (一次不用跑). Computed on
	 * request from the case documents (bounded by {@code limit} applications, newest first).
	 */
	@GetMapping("/figures")
	List<Figures> figures(@RequestParam(required = false) @Size(max = 12) String department,
			@RequestParam(defaultValue = "5000") @Min(1) @Max(20000) int limit) {
		requireSupervisor();
		WorkingCalendar calendar = calendars.calendar();
		Instant now = Instant.now(clock);
		Criteria criteria = Criteria.where("cases.status")
			.in(List.of(CaseStatus.APPROVED.name(), CaseStatus.DENIED.name()));
		if (department != null) {
			criteria = criteria.and("cases.departmentCode").is(department);
		}
		Query query = new Query(criteria).limit(limit)
			.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
					"submittedAt"));
		Map<String, Accumulator> groups = new TreeMap<>();
		for (Application application : mongo.find(query, Application.class)) {
			for (Case c : application.getCases()) {
				if ((c.getStatus() != CaseStatus.APPROVED && c.getStatus() != CaseStatus.DENIED)
						|| (department != null && !department.equals(c.getDepartmentCode()))) {
					continue;
				}
				StatutoryClock reading = StatutoryClock.of(c, calendar, now);
				groups.computeIfAbsent(c.getDepartmentCode() + "|" + c.getItemCode(),
						k -> new Accumulator(c.getDepartmentCode(), c.getItemCode(), c.getItemName()))
					.add(reading, c.corrections(), application.getVisits());
			}
		}
		List<Figures> result = new ArrayList<>();
		groups.values().forEach(a -> result.add(a.figures()));
		return result;
	}

	private static void requireSupervisor() {
		if (!CurrentUser.current().hasRole(CurrentUser.SUPERVISOR)) {
			throw new ForbiddenException("supervision is for supervisors");
		}
	}

	record OverdueCase(String caseId, String applicationId, String departmentCode, String itemCode, String itemName,
			CaseStatus status, Instant escalatedAt, StatutoryClock clock) {

		static OverdueCase of(CaseRow row, WorkingCalendar calendar, Instant now) {
			Case c = row.caseData();
			return new OverdueCase(c.getCaseId(), row.applicationId(), c.getDepartmentCode(), c.getItemCode(),
					c.getItemName(), c.getStatus(), c.getEscalatedAt(), StatutoryClock.of(c, calendar, now));
		}

	}

	/** One department and item's figures. */
	record Figures(String departmentCode, String itemCode, String itemName, int concludedCases, double onTimeRate,
			double averageDaysUsed, double averagePromisedDays, double correctionsPerCase, double visitsPerCase,
			double zeroVisitRate) {
	}

	private static final class Accumulator {

		private final String department;

		private final String item;

		private final String name;

		private int count;

		private int onTime;

		private long used;

		private long promised;

		private int corrections;

		private int visits;

		private int zeroVisits;

		Accumulator(String department, String item, String name) {
			this.department = department;
			this.item = item;
			this.name = name;
		}

		void add(StatutoryClock reading, int caseCorrections, int applicationVisits) {
			count++;
			visits += applicationVisits;
			if (applicationVisits == 0) {
				zeroVisits++;
			}
			if (reading.onTime()) {
				onTime++;
			}
			used += reading.usedDays();
			promised += reading.promisedDays();
			corrections += caseCorrections;
		}

		Figures figures() {
			return new Figures(department, item, name, count, round((double) onTime / count),
					round((double) used / count), round((double) promised / count), round((double) corrections / count),
					round((double) visits / count), round((double) zeroVisits / count));
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

}
