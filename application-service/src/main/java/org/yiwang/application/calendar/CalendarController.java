package org.yiwang.application.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendars: anyone signed in reads them (applicants see how deadlines are counted); only a
 * platform administrator replaces a region's year, e.g. when the State Council publishes next year's arrangement.
 */
@RestController
@Validated
@RequestMapping("/api/v1/calendars")
class CalendarController {

	private final WorkingCalendars calendars;

	CalendarController(WorkingCalendars calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/{region}/{year}")
	CalendarYear year(@PathVariable @Pattern(regexp = "[A-Z0-9]{2,12}") String region,
			@PathVariable @Min(2000) @Max(2100) int year) {
		return calendars.find(region, year).orElseThrow(() -> new NotFoundException("no calendar " + region + "-" + year));
	}

	@PutMapping("/{region}/{year}")
	CalendarYear replace(@PathVariable @Pattern(regexp = "[A-Z0-9]{2,12}") String region,
			@PathVariable @Min(2000) @Max(2100) int year, @Valid @RequestBody YearRequest request) {
		CurrentUser user = CurrentUser.current();
		if (!user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			throw new ForbiddenException("only platform administrators change working calendars");
		}
		CalendarYear entry;
		try {
			entry = new CalendarYear(region, year, request.source(), request.assumed(), request.holidays(),
					request.workdays());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(ex.getMessage(), "holidays", ex.getMessage());
		}
		return calendars.replace(entry, user.subject());
	}

	/** The n-th working day after a date, and whether a date is a working day: what clocks compute. */
	@GetMapping("/working-days")
	WorkingDayAnswer workingDays(@RequestParam LocalDate from, @RequestParam @Min(0) @Max(2000) int days) {
		WorkingCalendar calendar = calendars.calendar();
		LocalDate to = calendar.addWorkingDays(from, days);
		return new WorkingDayAnswer(calendar.region(), from, days, to, calendar.isWorkingDay(from),
				calendar.nameOf(from));
	}

	record YearRequest(@NotBlank @Size(max = 200) String source, boolean assumed,
			@NotNull @Size(max = 120) List<CalendarYear.@NotNull Day> holidays,
			@NotNull @Size(max = 60) List<CalendarYear.@NotNull Day> workdays) {
	}

	record WorkingDayAnswer(String region, LocalDate from, int days, LocalDate result, boolean fromIsWorkingDay,
			String fromName) {
	}

}
