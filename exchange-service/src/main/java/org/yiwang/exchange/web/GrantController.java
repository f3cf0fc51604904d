package org.yiwang.exchange.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.exchange.grant.Grant;
import org.yiwang.exchange.grant.GrantDesk;
import org.yiwang.exchange.grant.GrantStatus;
import org.yiwang.exchange.grant.Grants;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data-sharing requests and grants (共享申请与授权) between consumer and provider departments. */
@RestController
@Validated
@RequestMapping("/api/v1/exchange/grants")
class GrantController {

	private final GrantDesk desk;

	private final Grants grants;

	GrantController(GrantDesk desk, Grants grants) {
		this.desk = desk;
		this.grants = grants;
	}

	@PostMapping
	ResponseEntity<GrantView> request(@Valid @RequestBody GrantRequest request) {
		Grant grant = desk.request(CurrentUser.current(), request.resourceCode(), request.fields(),
				request.purposeCategories(), request.purpose(), request.legalBasis(), request.durationDays());
		return ResponseEntity.created(URI.create("/api/v1/exchange/grants/" + grant.getId())).body(GrantView.of(grant));
	}

	/**
	 * The caller's department's grants, as consumer ({@code side=consumer}, default) or provider; supervisors and
	 * platform admins may name any department.
	 */
	@GetMapping
	PageView<GrantView> list(@RequestParam(defaultValue = "consumer") String side,
			@RequestParam(required = false) GrantStatus status,
			@RequestParam(required = false) @Size(max = 20) String department,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		CurrentUser user = CurrentUser.current();
		String dept = user.department();
		if (department != null && !department.equals(dept)) {
			if (!user.hasAnyRole(CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN)) {
				throw new ForbiddenException("only supervision sees other departments' grants");
			}
			dept = department;
		}
		if (dept == null) {
			throw new ForbiddenException("name a department");
		}
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "requestedAt"));
		boolean provider = "provider".equals(side);
		Page<Grant> result;
		if (status == null) {
			result = provider ? grants.findByProviderDepartment(dept, request)
					: grants.findByConsumerDepartment(dept, request);
		}
		else {
			result = provider ? grants.findByProviderDepartmentAndStatus(dept, status, request)
					: grants.findByConsumerDepartmentAndStatus(dept, status, request);
		}
		return PageView.of(result.map(GrantView::of));
	}

	@GetMapping("/{id}")
	GrantView one(@PathVariable String id) {
		return GrantView.of(desk.visible(CurrentUser.current(), id));
	}

	@PostMapping("/{id}/approval")
	GrantView approve(@PathVariable String id, @Valid @RequestBody Approval approval) {
		return GrantView.of(desk.approve(CurrentUser.current(), id, approval.fields(), approval.purposeCategories(),
				approval.revision()));
	}

	@PostMapping("/{id}/denial")
	GrantView deny(@PathVariable String id, @Valid @RequestBody Reasoned denial) {
		return GrantView.of(desk.deny(CurrentUser.current(), id, denial.reason(), denial.revision()));
	}

	@PostMapping("/{id}/revocation")
	GrantView revoke(@PathVariable String id, @Valid @RequestBody Reasoned revocation) {
		return GrantView.of(desk.revoke(CurrentUser.current(), id, revocation.reason(), revocation.revision()));
	}

	record GrantRequest(@NotBlank @Size(max = 40) String resourceCode,
			@NotNull @Size(min = 1, max = 100) List<@NotBlank String> fields,
			@NotNull @Size(min = 1, max = 20) List<@NotNull PurposeCategory> purposeCategories,
			@NotBlank @Size(max = 500) String purpose, @NotBlank @Size(max = 500) String legalBasis,
			@Min(1) @Max(Grant.MAX_DURATION_DAYS) int durationDays) {
	}

	record Approval(@NotNull Long revision, @Size(max = 100) List<@NotBlank String> fields,
			@Size(max = 20) List<@NotNull PurposeCategory> purposeCategories) {
	}

	record Reasoned(@NotNull Long revision, @NotBlank @Size(max = 500) String reason) {
	}

	record GrantView(String id, String resourceCode, String resourceName, String providerDepartment,
			String consumerDepartment, List<String> requestedFields, List<String> grantedFields,
			List<PurposeCategory> requestedPurposeCategories, List<PurposeCategory> grantedPurposeCategories,
			String purpose, String legalBasis, int durationDays, GrantStatus status, String requestedBy,
			Instant requestedAt, String decidedBy, Instant decidedAt, String reason, Instant expiresAt,
			Long revision) {

		static GrantView of(Grant g) {
			return new GrantView(g.getId(), g.getResourceCode(), g.getResourceName(), g.getProviderDepartment(),
					g.getConsumerDepartment(), g.getRequestedFields(), g.getGrantedFields(),
					g.getRequestedPurposeCategories(), g.getGrantedPurposeCategories(), g.getPurpose(),
					g.getLegalBasis(), g.getDurationDays(), g.getStatus(), g.getRequestedBy(), g.getRequestedAt(),
					g.getDecidedBy(), g.getDecidedAt(), g.getReason(), g.getExpiresAt(), g.getRevision());
		}

	}

}
