package org.yiwang.application.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.ApplicationDesk;
import org.yiwang.application.application.Applications;
import org.yiwang.application.application.Case;
import org.yiwang.application.application.CaseStatus;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The department's side (officer workbench and department systems): its own cases only. */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
class CaseController {

	private final ApplicationDesk desk;

	private final Applications applications;

	CaseController(ApplicationDesk desk, Applications applications) {
		this.desk = desk;
		this.applications = applications;
	}

	@GetMapping
	PageView<DepartmentCaseView> departmentCases(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		CurrentUser user = CurrentUser.current();
		if (user.department() == null) {
			throw new ForbiddenException("no department in your token");
		}
		Page<Application> result = applications.findWithCasesOfDepartment(user.department(),
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")));
		List<DepartmentCaseView> cases = result.getContent()
			.stream()
			.flatMap(a -> a.getCases()
				.stream()
				.filter(c -> c.getDepartmentCode().equals(user.department()))
				.map(c -> DepartmentCaseView.of(a, c)))
			.toList();
		return new PageView<>(cases, result.getNumber(), result.getSize(), result.getTotalElements());
	}

	@PostMapping("/{caseId}/approve")
	DepartmentCaseView approve(@PathVariable @Size(max = 60) String caseId) {
		Application application = desk.approve(CurrentUser.current(), caseId);
		return DepartmentCaseView.of(application, application.caseOf(caseId));
	}

	@PostMapping("/{caseId}/deny")
	DepartmentCaseView deny(@PathVariable @Size(max = 60) String caseId, @Valid @RequestBody DenyRequest request) {
		Application application = desk.deny(CurrentUser.current(), caseId, request.reason());
		return DepartmentCaseView.of(application, application.caseOf(caseId));
	}

	record DenyRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	record DepartmentCaseView(String caseId, String applicationId, String applicantName, String itemCode,
			String itemName, CaseStatus status, Instant submittedAt, Instant decidedAt, String licenseNumber) {

		static DepartmentCaseView of(Application a, Case c) {
			return new DepartmentCaseView(c.getCaseId(), a.getId(), a.getApplicantName(), c.getItemCode(),
					c.getItemName(), c.getStatus(), a.getSubmittedAt(), c.getDecidedAt(), c.getLicenseNumber());
		}

	}

}
