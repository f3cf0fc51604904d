package org.yiwang.application.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.ApplicationDesk;
import org.yiwang.application.application.Applications;
import org.yiwang.application.department.IdempotencyKeys;
import org.yiwang.application.material.PeerCalls;
import org.yiwang.application.calendar.WorkingCalendars;
import org.yiwang.application.web.CaseViews.ApplicationView;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.identity.Usccs;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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
 * The applicant's side: submit (one item, several items, or a theme's items bound to its published plan for the
 * applicant's {@code answers}: see {@code ThemeBinding}), list and read
 * one's own applications, withdraw, supplement after a correction notice, rate after conclusion.
 */
@RestController
@Validated
@RequestMapping("/api/v1/applications")
class ApplicationController {

	private final ApplicationDesk desk;

	private final Applications applications;

	private final WorkingCalendars calendars;

	private final Clock clock;

	private final PeerCalls peers;

	private final IdempotencyKeys idempotency;

	ApplicationController(ApplicationDesk desk, Applications applications, WorkingCalendars calendars, Clock clock,
			PeerCalls peers, IdempotencyKeys idempotency) {
		this.peers = peers;
		this.idempotency = idempotency;
		this.desk = desk;
		this.applications = applications;
		this.calendars = calendars;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<ApplicationView> submit(@Valid @RequestBody SubmitRequest request) {
		if (request.applicant() != null) {
			throw new InvalidRequestException("applicants submit for themselves", "applicant",
					"must be absent; window clerks use /api/v1/applications/window-submissions");
		}
		return submitFor(request);
	}

	/** 一窗受理: a window clerk submits for the applicant in front of them (same backend, channel WINDOW). */
	@PostMapping("/window-submissions")
	ResponseEntity<ApplicationView> windowSubmission(@Valid @RequestBody SubmitRequest request) {
		if (request.applicant() == null) {
			throw new InvalidRequestException("a window clerk names the applicant", "applicant",
					"must be given when a window clerk submits");
		}
		if (CurrentUser.current().hasRole(CurrentUser.WINDOW_CLERK)) {
			verifyAtWindow(request.applicant());
		}
		return submitFor(request);
	}

	/**
	 * Channel 部门业务系统: a department's own system took the application in (its hall, its website) and hands it to
	 * the platform, for items of its department only; the applicant must be a person identity-service knows, under
	 * the registered name. Accepts an {@code Idempotency-Key}, so a retry after a timeout does not apply twice.
	 */
	@PostMapping("/system-submissions")
	ResponseEntity<Object> systemSubmission(@Valid @RequestBody SubmitRequest request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
		CurrentUser system = CurrentUser.current();
		if (!system.hasRole(CurrentUser.DEPT_SYSTEM) || system.department() == null) {
			throw new org.yiwang.shared.web.ForbiddenException("only department systems use this channel");
		}
		if (request.applicant() == null) {
			throw new InvalidRequestException("a department system names the applicant", "applicant",
					"must be given when a department system submits");
		}
		if (request.enterprise() != null) {
			throw new InvalidRequestException("enterprise applications are made by their agents", "enterprise",
					"must be absent for a department system");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(idempotency.run(system.department(), key, request, () -> {
			verifyAtWindow(request.applicant());
			return submitFor(request).getBody();
		}).getBody());
	}

	private ResponseEntity<ApplicationView> submitFor(SubmitRequest request) {
		// the input is checked before anyone's authority: a wrong check character is a 400 naming the field, not a 403
		String enterprise = enterprise(request.enterprise());
		CurrentUser user = CurrentUser.current();
		Application application;
		boolean single = request.itemCode() != null;
		boolean theme = request.itemCodes() != null;
		if (single == theme) {
			throw new InvalidRequestException("give either itemCode or itemCodes", "itemCode",
					"must not be blank (or give itemCodes instead)");
		}
		if (single) {
			if (request.itemCode().isBlank()) {
				throw new InvalidRequestException("itemCode is blank", "itemCode", "must not be blank");
			}
			if (request.themeCode() != null) {
				throw new InvalidRequestException("a theme is applied for with the plan's items", "themeCode",
						"must be absent with itemCode; give the theme's items as itemCodes with the answers");
			}
			application = enterprise != null
					? desk.submitForEnterprise(user, enterprise, null, answers(request), List.of(request.itemCode()),
							List.of(), "itemCode")
					: desk.submit(user, applicant(request), null, answers(request), List.of(request.itemCode()),
							List.of(), "itemCode");
		}
		else {
			if (request.itemCodes().isEmpty()) {
				throw new InvalidRequestException("itemCodes is empty", "itemCodes", "must list at least one item");
			}
			List<Application.OrderConstraint> order = request.order() == null ? List.of()
					: request.order().stream().map(o -> new Application.OrderConstraint(o.before(), o.after())).toList();
			application = enterprise != null
					? desk.submitForEnterprise(user, enterprise, request.themeCode(), answers(request),
							request.itemCodes(), order, "itemCodes")
					: desk.submit(user, applicant(request), request.themeCode(), answers(request), request.itemCodes(),
							order, "itemCodes");
		}
		return ResponseEntity.created(URI.create("/api/v1/applications/" + application.getId()))
			.body(view(application));
	}

	@GetMapping
	PageView<ApplicationView> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		CurrentUser user = CurrentUser.current();
		return PageView.of(applications
			.findMine(user.subject(), desk.enterprisesOf(user),
					PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")))
			.map(this::view));
	}

	@GetMapping("/{id}")
	ApplicationView one(@PathVariable @Size(max = 60) String id) {
		return view(desk.ownApplication(CurrentUser.current(), id));
	}

	/** 撤回: the whole application, or one case of it. */
	@PostMapping("/{id}/withdraw")
	ApplicationView withdraw(@PathVariable @Size(max = 60) String id, @Valid @RequestBody WithdrawRequest request) {
		return view(desk.withdraw(CurrentUser.current(), id, request.caseId(), request.reason()));
	}

	/** 补正: the applicant answers the correction notice of one case. */
	@PostMapping("/{id}/cases/{caseId}/supplement")
	ApplicationView supplement(@PathVariable @Size(max = 60) String id, @PathVariable @Size(max = 60) String caseId,
			@Valid @RequestBody SupplementRequest request) {
		return view(desk.supplement(CurrentUser.current(), id, caseId, request.note()));
	}

	/** 好差评, once, after conclusion. */
	@PostMapping("/{id}/rating")
	ApplicationView rate(@PathVariable @Size(max = 60) String id, @Valid @RequestBody RatingRequest request) {
		return view(desk.rate(CurrentUser.current(), id, request.score(), request.comment()));
	}

	/**
	 * The person in front of the clerk must be one identity-service knows (the clerk finds them by ID card with
	 * {@code GET /api/v1/identity/persons?idNumber=}), under their registered name: no application for a made-up
	 * subject, nothing stored otherwise.
	 */
	private void verifyAtWindow(OnBehalfOf applicant) {
		PeerCalls.ResolvedPerson person = peers.resolve(applicant.subject())
			.orElseThrow(() -> new InvalidRequestException("no registered person " + applicant.subject(),
					"applicant.subject", "must be a person registered with identity-service (look them up by ID number)"));
		if (person.name() != null && !person.name().equals(applicant.name())) {
			throw new InvalidRequestException("the name differs from the registered name", "applicant.name",
					"must be the registered name of that person");
		}
	}

	/** A USCC in either letter case, normalised to upper case; an invalid one is a 400 naming {@code enterprise}. */
	private static String enterprise(String raw) {
		if (raw == null) {
			return null;
		}
		String problem = Usccs.problem(raw);
		if (problem != null) {
			throw new InvalidRequestException(problem, "enterprise", "must be a valid 统一社会信用代码 (GB 32100)");
		}
		return Usccs.normalise(raw);
	}

	private static java.util.Map<String, Object> answers(SubmitRequest request) {
		return request.answers() == null ? java.util.Map.of() : request.answers();
	}

	private static Application.Applicant applicant(SubmitRequest request) {
		return request.applicant() == null ? null
				: new Application.Applicant(request.applicant().subject(), request.applicant().name());
	}

	private ApplicationView view(Application application) {
		return ApplicationView.of(application, calendars.calendar(), Instant.now(clock));
	}

	record SubmitRequest(@Size(max = 40) String itemCode,
			@Size(max = 20) List<@NotBlank @Size(max = 40) String> itemCodes,
			@Size(max = 50) List<@Valid @NotNull OrderRequest> order, @Size(max = 40) String themeCode,
			@Valid OnBehalfOf applicant,
			@Size(min = 18, max = 18, message = "must be an 18-character 统一社会信用代码") String enterprise,
			@Size(max = 50) java.util.Map<@Size(max = 40) String, Object> answers) {
	}

	/** 一窗受理: the applicant a window clerk submits for (identity checked at the window). */
	record OnBehalfOf(@NotBlank @Size(max = 80) String subject, @NotBlank @Size(max = 80) String name) {
	}

	/** "before must be approved before after starts". */
	record OrderRequest(@NotBlank @Size(max = 40) String before, @NotBlank @Size(max = 40) String after) {
	}

	record WithdrawRequest(@Size(max = 60) String caseId, @NotBlank @Size(max = 1000) String reason) {
	}

	record SupplementRequest(@NotBlank @Size(max = 2000) String note) {
	}

	record RatingRequest(@Min(1) @Max(5) int score, @Size(max = 1000) String comment) {
	}

}
