package org.yiwang.application.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calendar arithmetic on the seeded official 2025 and 2026 calendars (国务院办公厅), across holidays and 调休.
 */
class WorkingCalendarPropertyTests {

	static final WorkingCalendar CN = load();

	static WorkingCalendar load() {
		try (InputStream in = WorkingCalendarPropertyTests.class.getResourceAsStream("/calendar/cn-official.json")) {
			List<CalendarYear> years = JsonMapper.builder().findAndAddModules().build().readValue(in,
					new TypeReference<List<CalendarYear>>() {
					});
			return new WorkingCalendar("CN", years);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 200).boxed();
	}

	/** A day of 2025 or 2026. */
	static LocalDate day(Random random) {
		return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void addingNWorkingDaysThenCountingBackGivesN(long seed) {
		Random random = new Random(seed);
		LocalDate from = day(random);
		int n = random.nextInt(251);
		LocalDate to = CN.addWorkingDays(from, n);
		assertThat(CN.workingDaysBetween(from, to)).isEqualTo(n);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void neverLandsOnANonWorkingDay(long seed) {
		Random random = new Random(seed);
		LocalDate from = day(random);
		int n = 1 + random.nextInt(250);
		assertThat(CN.isWorkingDay(CN.addWorkingDays(from, n))).isTrue();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void oneMoreWorkingDayIsAlwaysLater(long seed) {
		Random random = new Random(seed);
		LocalDate from = day(random);
		int n = random.nextInt(101);
		assertThat(CN.addWorkingDays(from, n + 1)).isAfter(CN.addWorkingDays(from, n));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void countingIsAdditiveOverASplitPoint(long seed) {
		Random random = new Random(seed);
		LocalDate a = day(random);
		int x = random.nextInt(61);
		int y = random.nextInt(61);
		LocalDate b = a.plusDays(x);
		LocalDate c = b.plusDays(y);
		assertThat(CN.workingDaysBetween(a, c)).isEqualTo(CN.workingDaysBetween(a, b) + CN.workingDaysBetween(b, c));
	}

	/** Checked on every day of 2025 and 2026 rather than on a sample. */
	@Test
	void adjustedWorkingSaturdaysCountAndHolidaysDoNot() {
		for (LocalDate date = LocalDate.of(2025, 1, 1); date.getYear() <= 2026; date = date.plusDays(1)) {
			boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
			String name = CN.nameOf(date);
			if (name != null && name.endsWith("调休上班")) {
				assertThat(weekend).as("%s (%s)", date, name).isTrue();
				assertThat(CN.isWorkingDay(date)).as("%s (%s)", date, name).isTrue();
			}
			else if (name != null) {
				assertThat(CN.isWorkingDay(date)).as("%s (%s)", date, name).isFalse();
			}
			else {
				assertThat(CN.isWorkingDay(date)).as(date.toString()).isEqualTo(!weekend);
			}
		}
	}

	@Test
	void springFestival2026IsNineDaysOffWithTwoWorkingSaturdays() {
		assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // 周六 调休上班
		for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
			assertThat(CN.isWorkingDay(d)).as(d.toString()).isFalse();
		}
		assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue(); // 周六 调休上班
		// Friday 13 Feb + 1 working day = Saturday 14 Feb (调休); + 2 = Tuesday 24 Feb
		assertThat(CN.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(CN.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
	}

	@Test
	void nationalDay2026() {
		assertThat(CN.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday 调休
		assertThat(CN.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
		assertThat(CN.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday 调休
		// 30 Sep (Wed) + 1 working day skips the 7-day holiday: 8 Oct (Thu)
		assertThat(CN.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void aRegionOverlayOverridesTheNationalCalendar() {
		List<CalendarYear> years = new java.util.ArrayList<>(List.of());
		years.add(new CalendarYear("CN", 2026, "t", false,
				List.of(new CalendarYear.Day(LocalDate.of(2026, 3, 2), "假日")), List.of()));
		years.add(new CalendarYear("440300", 2026, "t", true, List.of(),
				List.of(new CalendarYear.Day(LocalDate.of(2026, 3, 2), "地方上班"))));
		assertThat(new WorkingCalendar("440300", years).isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue();
		assertThat(new WorkingCalendar("CN", years.subList(0, 1)).isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
	}

}
