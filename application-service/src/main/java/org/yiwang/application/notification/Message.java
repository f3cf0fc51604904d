package org.yiwang.application.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notification to an applicant, channel-neutral.
 *
 * @param id stable id (derived from the causing event), for idempotent delivery
 * @param recipientSubject the applicant
 * @param kind ACCEPTED, REJECTED, CORRECTION_REQUESTED, CONCLUDED, LICENSE_ISSUED, RECTIFIED
 * @param title one line
 * @param body text
 * @param lines itemised content, e.g. every deficiency of a correction notice, every case's result
 * @param applicationId the application concerned
 * @param at when it happened
 */
public record Message(String id, String recipientSubject, String kind, String title, String body, List<String> lines,
		String applicationId, Instant at) {
}
