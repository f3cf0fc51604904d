package org.yiwang.application.calendar;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored {@link CalendarYear}, keyed {@code <region>-<year>}, with who last changed it. */
@Document("working_calendars")
class CalendarDocument {

	@Id
	private String id;

	private String region;

	private int year;

	private String source;

	private boolean assumed;

	private List<CalendarYear.Day> holidays;

	private List<CalendarYear.Day> workdays;

	private String updatedBy;

	private Instant updatedAt;

	@PersistenceCreator
	CalendarDocument() {
	}

	CalendarDocument(CalendarYear year, String updatedBy, Instant updatedAt) {
		this.id = year.id();
		this.region = year.region();
		this.year = year.year();
		this.source = year.source();
		this.assumed = year.assumed();
		this.holidays = year.holidays();
		this.workdays = year.workdays();
		this.updatedBy = updatedBy;
		this.updatedAt = updatedAt;
	}

	CalendarYear toYear() {
		return new CalendarYear(region, year, source, assumed, holidays, workdays);
	}

	String getRegion() {
		return region;
	}

	String getUpdatedBy() {
		return updatedBy;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
