package org.yiwang.exchange.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yiwang.exchange.Departments;
import org.yiwang.exchange.audit.AccessRecord;
import org.yiwang.exchange.audit.AccessResult;
import org.yiwang.exchange.audit.AuditLog;
import org.yiwang.exchange.audit.ChainVerification;
import org.yiwang.exchange.identity.SubjectIdentity;
import org.yiwang.exchange.provider.ProviderResilience;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log: supervision reads it and verifies the chain; a citizen or enterprise sees who used their data
 * ("谁用了我的数据"); operators see each provider's circuit.
 */
@RestController
@Validated
@RequestMapping("/api/v1/exchange")
class AuditController {

	private final AuditLog audit;

	private final SubjectIdentity identity;

	private final ProviderResilience resilience;

	AuditController(AuditLog audit, SubjectIdentity identity, ProviderResilience resilience) {
		this.audit = audit;
		this.identity = identity;
		this.resilience = resilience;
	}

	@PostMapping("/audit/verifications")
	ChainVerification verify() {
		requireSupervision(CurrentUser.current());
		return audit.verify();
	}

	@GetMapping("/access-records")
	PageView<StaffView> records(@RequestParam(required = false) @Size(max = 20) String department,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		requireSupervision(CurrentUser.current());
		return PageView.of(audit.all(department, PageRequest.of(page, size)).map(StaffView::of));
	}

	/**
	 * The caller's own records (their verified ID number from identity-service; none bound → an empty page), or with
	 * {@code enterprise} those of an enterprise identity-service says they may act for.
	 */
	@GetMapping("/my-data-uses")
	PageView<SubjectView> myDataUses(@RequestParam(required = false) @Size(max = 40) String enterprise,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		CurrentUser user = CurrentUser.current();
		PageRequest pageable = PageRequest.of(page, size);
		Optional<String> subject = enterprise == null ? identity.ownNumber(user)
				: Optional.of(identity.enterprise(user, enterprise));
		return PageView.of(subject.map(s -> audit.ofSubject(s, pageable))
			.orElseGet(() -> Page.empty(pageable))
			.map(SubjectView::of));
	}

	@GetMapping("/providers")
	List<Map<String, Object>> providers() {
		requireSupervision(CurrentUser.current());
		return resilience.status();
	}

	private static void requireSupervision(CurrentUser user) {
		if (!user.hasAnyRole(CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN)) {
			throw new ForbiddenException("only supervisors and platform admins read the access log");
		}
	}

	/** A record as supervision sees it: everything but the plain subject (never stored). */
	record StaffView(long seq, Instant at, String username, String clientId, String department,
			String subjectMasked, String resourceCode, String providerDepartment, List<String> fields,
			PurposeCategory purposeCategory, String purpose, String legalBasis, String applicationId, String grantId,
			String channel, AccessResult result, String detail, String hash) {

		static StaffView of(AccessRecord r) {
			return new StaffView(r.getSeq(), r.getAt(), r.getUsername(), r.getClientId(), r.getDepartment(),
					r.getSubjectMasked(), r.getResourceCode(), r.getProviderDepartment(), r.getFields(),
					r.getPurposeCategory(), r.getPurpose(), r.getLegalBasis(), r.getApplicationId(), r.getGrantId(),
					r.getChannel(), r.getResult(), r.getDetail(), r.getHash());
		}

	}

	/** A record as the data subject sees it: which department used which data, why and when. */
	record SubjectView(Instant at, String department, String departmentName, String resourceCode,
			String providerDepartment, String providerDepartmentName, List<String> fields,
			PurposeCategory purposeCategory, String purposeCategoryLabel, String purpose, String legalBasis,
			String applicationId, AccessResult result) {

		static SubjectView of(AccessRecord r) {
			PurposeCategory category = r.getPurposeCategory();
			return new SubjectView(r.getAt(), r.getDepartment(), Departments.name(r.getDepartment()),
					r.getResourceCode(), r.getProviderDepartment(), Departments.name(r.getProviderDepartment()),
					r.getFields(), category, category == null ? null : category.label(), r.getPurpose(),
					r.getLegalBasis(), r.getApplicationId(), r.getResult());
		}

	}

}
