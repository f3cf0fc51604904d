package org.yiwang.application.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.yiwang.application.application.Case;
import org.yiwang.application.calendar.WorkingCalendar;

/**
 * Reads a case's statutory clock (法定/承诺时限) on the working-day calendar: it starts the day after acceptance
 * (次日起算), stops at conclusion, and does not run during pauses (补正 waiting on the applicant; hearing,
 * inspection, expert review). Pure, so every rule is unit-tested.
 *
 * @param running true when the clock has started (the case was accepted)
 * @param paused true while a pause is open
 * @param usedDays working days used, pauses excluded
 * @param pausedDays working days excluded by pauses
 * @param promisedDays the promised time limit of the pinned item version
 * @param legalDays the legal time limit
 * @param promisedDeadline the date the promised limit ends, pauses so far added
 * @param legalDeadline the date the legal limit ends
 * @param level GREEN, YELLOW (80 % of the promised limit used), RED (past it), or NONE (no clock)
 * @param legalOverdue true when even the legal limit is exceeded
 */
public record StatutoryClock(boolean running, boolean paused, int usedDays, int pausedDays, int promisedDays,
		int legalDays, LocalDate promisedDeadline, LocalDate legalDeadline, Level level, boolean legalOverdue) {

	/** Traffic light of 效能监察. */
	public enum Level {

		NONE, GREEN, YELLOW, RED

	}

	public static StatutoryClock of(Case c, WorkingCalendar calendar, Instant now) {
		if (c.getAcceptedAt() == null) {
			return new StatutoryClock(false, false, 0, 0, c.getPromisedDays(), c.getLegalDays(), null, null,
					Level.NONE, false);
		}
		Instant asOf = c.getStatus().concluded() && c.getDecidedAt() != null ? c.getDecidedAt() : now;
		LocalDate start = WorkingCalendar.dateOf(c.getAcceptedAt());
		LocalDate end = WorkingCalendar.dateOf(asOf);
		int elapsed = calendar.workingDaysBetween(start, end);
		int paused = 0;
		boolean open = false;
		for (Case.ClockPause pause : c.getPauses()) {
			LocalDate from = WorkingCalendar.dateOf(pause.from());
			if (from.isBefore(start)) {
				from = start;
			}
			LocalDate to = pause.to() == null ? end : WorkingCalendar.dateOf(pause.to());
			if (to.isAfter(end)) {
				to = end;
			}
			paused += calendar.workingDaysBetween(from, to);
			open |= pause.to() == null;
		}
		int used = Math.max(0, elapsed - paused);
		LocalDate promisedDeadline = calendar.addWorkingDays(start, c.getPromisedDays() + paused);
		LocalDate legalDeadline = calendar.addWorkingDays(start, c.getLegalDays() + paused);
		return new StatutoryClock(true, open && !c.getStatus().concluded(), used, paused, c.getPromisedDays(),
				c.getLegalDays(), promisedDeadline, legalDeadline, level(used, c.getPromisedDays()),
				c.getLegalDays() > 0 && used > c.getLegalDays());
	}

	static Level level(int used, int promised) {
		if (promised <= 0) {
			return Level.NONE;
		}
		if (used > promised) {
			return Level.RED;
		}
		if (used * 10 >= promised * 8) {
			return Level.YELLOW;
		}
		return Level.GREEN;
	}

	/** For a concluded case: decided within the promised limit. */
	public boolean onTime() {
		return running && usedDays <= promisedDays;
	}

}
