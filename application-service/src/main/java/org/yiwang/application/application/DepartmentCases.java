package org.yiwang.application.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Case lists across applications, one row per case (the applications unwound), for department workbenches and
 * systems (filters, pagination, a change cursor) and for supervision. Always bounded by page size.
 * <p>
 * The change cursor is a position {@code (updatedAt, caseId)}. A case's {@code updatedAt} is taken when the
 * decision is made, a moment before the save commits, so a save with an earlier timestamp can become visible
 * after one with a later timestamp. A cursor placed at the last row seen would then skip it for ever. So the
 * cursor handed out never runs ahead of {@code now - settleWindow} (the settle window,
 * {@code platform.department-pull.settle-window}, default 5 s, longer than any save takes from its timestamp to
 * its commit, clock skew between instances included): every change is delivered, and a change younger than the
 * window when it was delivered may be delivered again by the next poll (at-least-once; receivers de-duplicate on
 * {@code caseId + updatedAt}). Rows with the same {@code updatedAt} are ordered by {@code caseId}.
 */
@Component
public class DepartmentCases {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration settleWindow;

	DepartmentCases(MongoTemplate mongo, Clock clock,
			@Value("${platform.department-pull.settle-window:5s}") Duration settleWindow) {
		if (settleWindow.isNegative()) {
			throw new IllegalArgumentException("platform.department-pull.settle-window must not be negative");
		}
		this.mongo = mongo;
		this.clock = clock;
		this.settleWindow = settleWindow;
	}

	/**
	 * @param department required: the caller's department, never taken from the request
	 * @param status optional status filter
	 * @param itemCode optional item filter
	 * @param since optional opaque cursor: only cases changed after it, oldest change first
	 */
	public Slice list(String department, List<CaseStatus> status, String itemCode, String since, int page, int size) {
		return list(department, status, itemCode, since, page, size, Instant.now(clock));
	}

	/**
	 * As {@link #list(String, List, String, String, int, int)} at {@code now}. The {@code nextCursor}: with
	 * {@code since}, the position of the last row but never past {@code now - settleWindow} (an empty page hands
	 * {@code since} back); without it, {@code now - settleWindow}, where a change feed following this listing
	 * starts.
	 */
	Slice list(String department, List<CaseStatus> status, String itemCode, String since, int page, int size,
			Instant now) {
		Cursor horizon = new Cursor(Instant.ofEpochMilli(now.minus(settleWindow).toEpochMilli()), "");
		Criteria onCase = Criteria.where("cases.departmentCode").is(department);
		List<Criteria> and = new ArrayList<>();
		and.add(onCase);
		if (status != null && !status.isEmpty()) {
			and.add(Criteria.where("cases.status").in(status.stream().map(Enum::name).toList()));
		}
		if (itemCode != null && !itemCode.isBlank()) {
			and.add(Criteria.where("cases.itemCode").is(itemCode));
		}
		Sort sort;
		Cursor cursor = null;
		if (since != null && !since.isBlank()) {
			cursor = Cursor.decode(since);
			and.add(new Criteria().orOperator(Criteria.where("cases.updatedAt").gt(cursor.updatedAt()),
					new Criteria().andOperator(Criteria.where("cases.updatedAt").is(cursor.updatedAt()),
							Criteria.where("cases.caseId").gt(cursor.caseId()))));
			sort = Sort.by(Sort.Direction.ASC, "cases.updatedAt").and(Sort.by(Sort.Direction.ASC, "cases.caseId"));
		}
		else {
			sort = Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by(Sort.Direction.ASC, "cases.caseId"));
		}
		Slice slice = query(Criteria.where("cases.departmentCode").is(department),
				new Criteria().andOperator(and.toArray(Criteria[]::new)), sort, page, size);
		Cursor next;
		if (cursor == null) {
			next = horizon;
		}
		else if (slice.items().isEmpty()) {
			next = cursor;
		}
		else {
			Case last = slice.items().get(slice.items().size() - 1).caseData();
			next = Cursor.min(new Cursor(last.getUpdatedAt(), last.getCaseId()), horizon);
		}
		return new Slice(slice.items(), slice.page(), slice.size(), slice.total(), next.encode());
	}

	/** The supervisor queue: overdue cases (escalated) that are still open, any department. */
	public Slice escalated(int page, int size) {
		Criteria open = Criteria.where("cases.escalatedAt").ne(null)
			.and("cases.status")
			.nin(List.of(CaseStatus.APPROVED.name(), CaseStatus.DENIED.name(), CaseStatus.REJECTED.name(),
					CaseStatus.WITHDRAWN.name(), CaseStatus.TERMINATED.name()));
		return query(Criteria.where("cases.escalatedAt").ne(null), open,
				Sort.by(Sort.Direction.ASC, "cases.escalatedAt").and(Sort.by(Sort.Direction.ASC, "cases.caseId")), page,
				size);
	}

	private Slice query(Criteria pre, Criteria post, Sort sort, int page, int size) {
		List<AggregationOperation> base = List.of(Aggregation.match(pre), Aggregation.unwind("cases"),
				Aggregation.match(post));
		List<AggregationOperation> rows = new ArrayList<>(base);
		rows.add(Aggregation.sort(sort));
		rows.add(Aggregation.skip((long) page * size));
		rows.add(Aggregation.limit(size));
		List<CaseRow> items = mongo.aggregate(Aggregation.newAggregation(rows), "applications", CaseRow.class)
			.getMappedResults();
		List<AggregationOperation> count = new ArrayList<>(base);
		count.add(Aggregation.count().as("total"));
		Document total = mongo.aggregate(Aggregation.newAggregation(count), "applications", Document.class)
			.getUniqueMappedResult();
		long totalCount = total == null ? 0 : ((Number) total.get("total")).longValue();
		String next = items.isEmpty() ? null
				: new Cursor(items.get(items.size() - 1).caseData().getUpdatedAt(),
						items.get(items.size() - 1).caseData().getCaseId())
					.encode();
		return new Slice(items, page, size, totalCount, next);
	}

	/** A page of case rows, with the cursor of its last row for "changes since". */
	public record Slice(List<CaseRow> items, int page, int size, long total, String nextCursor) {
	}

	/** Position in the change order (updatedAt, caseId); opaque to clients. */
	record Cursor(Instant updatedAt, String caseId) {

		static Cursor min(Cursor a, Cursor b) {
			int byTime = Long.compare(a.updatedAt.toEpochMilli(), b.updatedAt.toEpochMilli());
			return byTime < 0 || (byTime == 0 && a.caseId.compareTo(b.caseId) <= 0) ? a : b;
		}

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((updatedAt.toEpochMilli() + ":" + caseId).getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String value) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
				int colon = raw.indexOf(':');
				return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
						raw.substring(colon + 1));
			}
			catch (RuntimeException ex) {
				throw new InvalidRequestException("invalid cursor", "since", "must be a nextCursor returned earlier");
			}
		}

	}

}
