package org.yiwang.application.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The working-day calendars, stored per region and year (collection {@code working_calendars}) and seeded from
 * {@code calendar/cn-official.json} (国务院办公厅 2025 and 2026 arrangements) when absent; an administrator's
 * change is never overwritten by the seed. The calendar of the service's region ({@code platform.calendar.region},
 * default {@code CN}) is the national one with the region's overlay applied. Time limits are counted in
 * {@link #ZONE} (Beijing time).
 */
@Service
public class WorkingCalendars {

	public static final ZoneId ZONE = WorkingCalendar.ZONE;

	public static final String NATIONAL = "CN";

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendars.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String region;

	private volatile WorkingCalendar current;

	WorkingCalendars(MongoTemplate mongo, Clock clock, @Value("${platform.calendar.region:CN}") String region) {
		this.mongo = mongo;
		this.clock = clock;
		this.region = region;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		try (InputStream in = new ClassPathResource("calendar/cn-official.json").getInputStream()) {
			List<CalendarYear> years = JsonMapper.builder().findAndAddModules().build().readValue(in,
					new TypeReference<List<CalendarYear>>() {
					});
			for (CalendarYear year : years) {
				if (mongo.findById(year.id(), CalendarDocument.class) == null) {
					try {
						mongo.insert(new CalendarDocument(year, "seed", Instant.now(clock)));
						log.info("seeded working calendar {} ({})", year.id(), year.source());
					}
					catch (DuplicateKeyException ex) {
						// another instance seeded it
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the seeded working calendars", ex);
		}
		current = null;
	}

	/** The calendar time limits are counted on. */
	public WorkingCalendar calendar() {
		WorkingCalendar calendar = current;
		if (calendar == null) {
			calendar = load(region);
			current = calendar;
		}
		return calendar;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	public static LocalDate dateOf(Instant instant) {
		return WorkingCalendar.dateOf(instant);
	}

	WorkingCalendar load(String regionCode) {
		List<CalendarYear> years = new ArrayList<>();
		mongo.find(new Query(Criteria.where("region").is(NATIONAL)), CalendarDocument.class)
			.forEach(d -> years.add(d.toYear()));
		if (!NATIONAL.equals(regionCode)) {
			mongo.find(new Query(Criteria.where("region").is(regionCode)), CalendarDocument.class)
				.forEach(d -> years.add(d.toYear()));
		}
		years.sort(Comparator.comparing((CalendarYear y) -> !NATIONAL.equals(y.region())).thenComparing(CalendarYear::year));
		return new WorkingCalendar(regionCode, years);
	}

	Optional<CalendarYear> find(String regionCode, int year) {
		return Optional.ofNullable(mongo.findById(regionCode + "-" + year, CalendarDocument.class))
			.map(CalendarDocument::toYear);
	}

	/** An administrator replaces one region's year; the calendar in use is reloaded. */
	CalendarYear replace(CalendarYear year, String by) {
		mongo.save(new CalendarDocument(year, by, Instant.now(clock)));
		current = null;
		log.info("working calendar {} replaced by {}", year.id(), by);
		return year;
	}

	/** Forgets the cached calendar now and then: another instance may have changed it. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${platform.calendar.refresh-interval:10m}")
	public void refresh() {
		current = null;
	}

}
