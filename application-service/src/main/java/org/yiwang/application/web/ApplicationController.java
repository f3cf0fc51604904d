package org.yiwang.application.web;

import java.net.URI;
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
import org.yiwang.shared.web.PageView;

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

/** The applicant's side: submit, list and read one's own applications. */
@RestController
@Validated
@RequestMapping("/api/v1/applications")
class ApplicationController {

	private final ApplicationDesk desk;

	private final Applications applications;

	ApplicationController(ApplicationDesk desk, Applications applications) {
		this.desk = desk;
		this.applications = applications;
	}

	@PostMapping
	ResponseEntity<ApplicationView> submit(@Valid @RequestBody SubmitRequest request) {
		Application application = desk.submit(CurrentUser.current(), request.itemCode());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + application.getId()))
			.body(ApplicationView.of(application));
	}

	@GetMapping
	PageView<ApplicationView> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(applications
			.findByApplicantSubject(CurrentUser.current().subject(),
					PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")))
			.map(ApplicationView::of));
	}

	@GetMapping("/{id}")
	ApplicationView one(@PathVariable @Size(max = 60) String id) {
		return ApplicationView.of(desk.ownApplication(CurrentUser.current(), id));
	}

	record SubmitRequest(@NotBlank @Size(max = 40) String itemCode) {
	}

	record ApplicationView(String id, String status, String channel, Instant submittedAt, List<CaseView> cases,
			long revision) {

		static ApplicationView of(Application application) {
			return new ApplicationView(application.getId(), application.status(), application.getChannel(),
					application.getSubmittedAt(), application.getCases().stream().map(CaseView::of).toList(),
					application.getRevision() == null ? 0 : application.getRevision());
		}

	}

	record CaseView(String caseId, String itemCode, int itemVersion, String itemName, String departmentCode,
			String departmentName, CaseStatus status, Instant decidedAt, String reason, String licenseNumber) {

		static CaseView of(Case c) {
			return new CaseView(c.getCaseId(), c.getItemCode(), c.getItemVersion(), c.getItemName(),
					c.getDepartmentCode(), c.getDepartmentName(), c.getStatus(), c.getDecidedAt(), c.getReason(),
					c.getLicenseNumber());
		}

	}

}
