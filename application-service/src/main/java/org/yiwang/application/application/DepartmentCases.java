package org.yiwang.application.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Case lists across applications, one row per case (the applications unwound), for department workbenches and
 * systems (filters, pagination, a change cursor) and for supervision. Always bounded by page size.
 */
@Component
public class DepartmentCases {

	private final MongoTemplate mongo;

	DepartmentCases(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * @param department required: the caller's department, never taken from the request
	 * @param status optional status filter
	 * @param itemCode optional item filter
	 * @param since optional opaque cursor: only cases changed after it, oldest change first
	 */
	public Slice list(String department, List<CaseStatus> status, String itemCode, String since, int page, int size) {
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
		if (since != null && !since.isBlank()) {
			Cursor cursor = Cursor.decode(since);
			and.add(new Criteria().orOperator(Criteria.where("cases.updatedAt").gt(cursor.updatedAt()),
					new Criteria().andOperator(Criteria.where("cases.updatedAt").is(cursor.updatedAt()),
							Criteria.where("cases.caseId").gt(cursor.caseId()))));
			sort = Sort.by(Sort.Direction.ASC, "cases.updatedAt").and(Sort.by(Sort.Direction.ASC, "cases.caseId"));
		}
		else {
			sort = Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by(Sort.Direction.ASC, "cases.caseId"));
		}
		return query(Criteria.where("cases.departmentCode").is(department),
				new Criteria().andOperator(and.toArray(Criteria[]::new)), sort, page, size);
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
