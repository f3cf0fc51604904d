package org.yiwang.application.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statutory working-day calendar (法定工作日) of one region: weekends are rest days, public holidays are rest
 * days, and adjusted working days (调休上班) are working days even on a Saturday or Sunday. Statutory time limits
 * (法定/承诺时限) are counted on it, so it is pure and exhaustively tested (see {@code WorkingCalendarPropertyTests}).
 * Years that are not configured fall back to the weekend rule only, reported by {@link #isConfigured(int)}.
 * Entries are applied in order, so a region's overlay given after the national calendar overrides it.
 */
public final class WorkingCalendar {

	/** Time limits are counted in Beijing time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final String region;

	private final Set<LocalDate> holidays = new HashSet<>();

	private final Set<LocalDate> workdays = new HashSet<>();

	private final Set<Integer> years = new HashSet<>();

	private final Map<LocalDate, String> names = new HashMap<>();

	public WorkingCalendar(String region, List<CalendarYear> entries) {
		this.region = region;
		for (CalendarYear year : entries) {
			years.add(year.year());
			// later entries (a region's overlay) override earlier ones (the national calendar)
			year.holidays().forEach(d -> {
				workdays.remove(d.date());
				holidays.add(d.date());
				names.put(d.date(), d.name());
			});
			year.workdays().forEach(d -> {
				holidays.remove(d.date());
				workdays.add(d.date());
				names.put(d.date(), d.name());
			});
		}
	}

	/** The calendar day of an instant, in {@link #ZONE}. */
	public static LocalDate dateOf(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	public String region() {
		return region;
	}

	public boolean isConfigured(int year) {
		return years.contains(year);
	}

	public boolean isWorkingDay(LocalDate date) {
		if (workdays.contains(date)) {
			return true;
		}
		if (holidays.contains(date)) {
			return false;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	/** The holiday or 调休 name of a date, null for an ordinary day. */
	public String nameOf(LocalDate date) {
		return names.get(date);
	}

	/**
	 * The n-th working day after {@code from} (from itself is not counted: a time limit starts the day after the
	 * act, 次日起算). For n = 0, {@code from} itself.
	 */
	public LocalDate addWorkingDays(LocalDate from, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must be >= 0");
		}
		LocalDate date = from;
		int counted = 0;
		while (counted < n) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/** Working days in the half-open interval (from, to]; 0 when to is not after from. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

}
