package org.yiwang.application.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.ApplicationDesk;
import org.yiwang.application.application.CaseStatus;
import org.yiwang.application.application.DepartmentCases;
import org.yiwang.application.calendar.WorkingCalendars;
import org.yiwang.application.department.IdempotencyKeys;
import org.yiwang.application.web.CaseViews.CasePage;
import org.yiwang.application.web.CaseViews.DepartmentCaseView;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department's side (officer workbench and department systems), its own cases only: list with filters and a
 * change cursor, read one, and move it through the lifecycle. Every decision accepts an {@code Idempotency-Key}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
class CaseController {

	private final ApplicationDesk desk;

	private final DepartmentCases cases;

	private final IdempotencyKeys idempotency;

	private final WorkingCalendars calendars;

	private final Clock clock;

	CaseController(ApplicationDesk desk, DepartmentCases cases, IdempotencyKeys idempotency,
			WorkingCalendars calendars, Clock clock) {
		this.desk = desk;
		this.cases = cases;
		this.idempotency = idempotency;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * The department's cases. With {@code since} (a {@code nextCursor} from an earlier call) only cases changed
	 * after it, oldest change first, so a department system can poll for changes without missing one.
	 */
	@GetMapping
	CasePage departmentCases(@RequestParam(required = false) List<CaseStatus> status,
			@RequestParam(required = false) @Size(max = 40) String itemCode,
			@RequestParam(required = false) @Size(max = 200) String since,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		CurrentUser user = CurrentUser.current();
		if (status != null && status.contains(null)) {
			// an empty or blank value ("?status=", "?status=%00") converts to null
			throw new org.yiwang.shared.web.InvalidRequestException("a status filter is empty", "status",
					"must be a case status");
		}
		if (user.department() == null) {
			throw new ForbiddenException("no department in your token");
		}
		DepartmentCases.Slice slice = cases.list(user.department(), status, itemCode, since, page, size);
		Instant now = Instant.now(clock);
		return new CasePage(
				slice.items().stream().map(r -> DepartmentCaseView.of(r, calendars.calendar(), now)).toList(),
				slice.page(), slice.size(), slice.total(), slice.nextCursor());
	}

	@GetMapping("/{caseId}")
	DepartmentCaseView one(@PathVariable @Size(max = 60) String caseId) {
		return view(desk.caseForDepartment(CurrentUser.current(), caseId), caseId);
	}

	@PostMapping("/{caseId}/accept")
	ResponseEntity<Object> accept(@PathVariable @Size(max = 60) String caseId,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "accept", caseId, null, () -> desk.accept(CurrentUser.current(), caseId));
	}

	/** 不予受理. */
	@PostMapping("/{caseId}/reject")
	ResponseEntity<Object> reject(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody ReasonRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "reject", caseId, request, () -> desk.reject(CurrentUser.current(), caseId, request.reason()));
	}

	@PostMapping("/{caseId}/start-review")
	ResponseEntity<Object> startReview(@PathVariable @Size(max = 60) String caseId,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "start-review", caseId, null, () -> desk.startReview(CurrentUser.current(), caseId));
	}

	/** 一次性告知补正: every deficiency in one notice. */
	@PostMapping("/{caseId}/request-correction")
	ResponseEntity<Object> requestCorrection(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody CorrectionRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "request-correction", caseId, request,
				() -> desk.requestCorrection(CurrentUser.current(), caseId, request.deficiencies()));
	}

	@PostMapping("/{caseId}/recheck")
	ResponseEntity<Object> recheck(@PathVariable @Size(max = 60) String caseId,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "recheck", caseId, null, () -> desk.recheck(CurrentUser.current(), caseId));
	}

	@PostMapping("/{caseId}/send-back")
	ResponseEntity<Object> sendBack(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody ReasonRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "send-back", caseId, request,
				() -> desk.sendBack(CurrentUser.current(), caseId, request.reason()));
	}

	/** Hearing, inspection or expert review: the clock pauses. */
	@PostMapping("/{caseId}/special-procedure")
	ResponseEntity<Object> startSpecialProcedure(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody SpecialProcedureRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "special-procedure", caseId, request, () -> desk
			.startSpecialProcedure(CurrentUser.current(), caseId, request.procedure(), request.reason()));
	}

	@PostMapping("/{caseId}/special-procedure/end")
	ResponseEntity<Object> endSpecialProcedure(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody OutcomeRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "special-procedure-end", caseId, request,
				() -> desk.endSpecialProcedure(CurrentUser.current(), caseId, request.outcome()));
	}

	/** 办结·准予; the optional body carries the licence's data fields as decided (经营范围, 经营场所 …). */
	@PostMapping("/{caseId}/approve")
	ResponseEntity<Object> approve(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody(required = false) ApproveRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		Map<String, String> licenseData = request == null || request.licenseData() == null ? Map.of()
				: request.licenseData();
		return decide(key, "approve", caseId, request,
				() -> desk.approve(CurrentUser.current(), caseId, licenseData));
	}

	/** 撤销准予 after conclusion (dept-admin or the department's system): the licence is revoked. */
	@PostMapping("/{caseId}/overturn")
	ResponseEntity<Object> overturn(@PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody OverturnRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "overturn", caseId, request,
				() -> desk.overturn(CurrentUser.current(), caseId, request.reason(), request.legalBasis()));
	}

	@PostMapping("/{caseId}/deny")
	ResponseEntity<Object> deny(@PathVariable @Size(max = 60) String caseId, @Valid @RequestBody DenyRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		return decide(key, "deny", caseId, request,
				() -> desk.deny(CurrentUser.current(), caseId, request.reason(), request.legalBasis()));
	}

	private ResponseEntity<Object> decide(String key, String operation, String caseId, Object body,
			Supplier<Application> action) {
		CurrentUser user = CurrentUser.current();
		if (user.department() == null) {
			throw new ForbiddenException("no department in your token");
		}
		Map<String, Object> fingerprint = new java.util.LinkedHashMap<>();
		fingerprint.put("operation", operation);
		fingerprint.put("caseId", caseId);
		fingerprint.put("body", body);
		return idempotency.run(user.department(), key, fingerprint, () -> view(action.get(), caseId));
	}

	private DepartmentCaseView view(Application application, String caseId) {
		return DepartmentCaseView.of(application, application.caseOf(caseId), calendars.calendar(), Instant.now(clock));
	}

	record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	record OutcomeRequest(@NotBlank @Size(max = 1000) String outcome) {
	}

	record ApproveRequest(@Size(max = 30) Map<@NotBlank @Size(max = 40) String, @NotBlank @Size(max = 500) String> licenseData) {
	}

	record OverturnRequest(@NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 500) String legalBasis) {
	}

	record DenyRequest(@NotBlank @Size(max = 1000) String reason, @Size(max = 500) String legalBasis) {
	}

	record CorrectionRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> deficiencies) {
	}

	record SpecialProcedureRequest(
			@NotBlank @Pattern(regexp = "HEARING|INSPECTION|EXPERT_REVIEW", message = "must be one of HEARING, INSPECTION, EXPERT_REVIEW") String procedure,
			@NotBlank @Size(max = 1000) String reason) {
	}

}
