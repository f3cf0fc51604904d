package org.yiwang.exchange.audit;

import java.time.Instant;

/**
 * The outcome of checking the whole chain: {@code valid}, how many records were checked, and where it first
 * breaks ({@code brokenAt} = seq of the first record that is missing, altered, or does not link) and why.
 */
public record ChainVerification(boolean valid, long recordsChecked, long headSeq, Long brokenAt, String reason,
		Instant verifiedAt) {
}
