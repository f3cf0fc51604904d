package org.yiwang.application.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's rest-day arrangement for a region, as the State Council (国务院办公厅) or a local government publishes
 * it: holidays (放假) and adjusted working days (调休上班). Validated on construction, so a wrong admin upload is a
 * 400 and never a silently wrong time limit.
 *
 * @param region {@code CN} for the national calendar, or a region code (e.g. {@code 440300}) overlaying it
 * @param year the year
 * @param source where the arrangement comes from (the notice's name), shown to supervisors
 * @param assumed true when the arrangement was not taken from an official notice
 * @param holidays rest days other than weekends
 * @param workdays weekend days that are working days (调休)
 */
public record CalendarYear(String region, int year, String source, boolean assumed, List<Day> holidays,
		List<Day> workdays) {

	public CalendarYear {
		if (region == null || !region.matches("[A-Z0-9]{2,12}")) {
			throw new IllegalArgumentException("region must be 2-12 upper-case letters or digits");
		}
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year must be between 2000 and 2100");
		}
		holidays = holidays == null ? List.of() : List.copyOf(holidays);
		workdays = workdays == null ? List.of() : List.copyOf(workdays);
		Set<LocalDate> seen = new HashSet<>();
		for (Day day : holidays) {
			requireInYear(day, year);
			if (!seen.add(day.date())) {
				throw new IllegalArgumentException("date " + day.date() + " is listed twice");
			}
		}
		for (Day day : workdays) {
			requireInYear(day, year);
			if (!seen.add(day.date())) {
				throw new IllegalArgumentException("date " + day.date() + " is both a holiday and a working day");
			}
		}
	}

	private static void requireInYear(Day day, int year) {
		if (day == null || day.date() == null) {
			throw new IllegalArgumentException("every day needs a date");
		}
		if (day.date().getYear() != year) {
			throw new IllegalArgumentException("date " + day.date() + " is not in " + year);
		}
	}

	public String id() {
		return region + "-" + year;
	}

	/** A dated entry with its name, e.g. 2026-02-14 春节调休上班. */
	public record Day(LocalDate date, String name) {
	}

}
