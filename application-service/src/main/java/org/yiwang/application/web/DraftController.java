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
import org.yiwang.application.application.ApplicationDraft;
import org.yiwang.application.application.ApplicationDrafts;
import org.yiwang.application.calendar.WorkingCalendars;
import org.yiwang.application.web.CaseViews.ApplicationView;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drafts: saved and resumed by their owner; submitting one pins the catalog versions and removes the draft. */
@RestController
@Validated
@RequestMapping("/api/v1/applications/drafts")
class DraftController {

	private final ApplicationDrafts drafts;

	private final ApplicationDesk desk;

	private final WorkingCalendars calendars;

	private final Clock clock;

	DraftController(ApplicationDrafts drafts, ApplicationDesk desk, WorkingCalendars calendars, Clock clock) {
		this.drafts = drafts;
		this.desk = desk;
		this.calendars = calendars;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<ApplicationDraft> create(@Valid @RequestBody DraftRequest request) {
		ApplicationDraft draft = drafts.insert(new ApplicationDraft(CurrentUser.current().subject(), request.themeCode(),
				request.answers(), request.itemCodes(), order(request), Instant.now(clock)));
		return ResponseEntity.created(URI.create("/api/v1/applications/drafts/" + draft.getId())).body(draft);
	}

	@GetMapping
	PageView<ApplicationDraft> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(drafts.findByOwnerSubject(CurrentUser.current().subject(),
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "updatedAt"))));
	}

	@GetMapping("/{draftId}")
	ApplicationDraft one(@PathVariable @Size(max = 60) String draftId) {
		return own(draftId);
	}

	@PutMapping("/{draftId}")
	ApplicationDraft change(@PathVariable @Size(max = 60) String draftId, @Valid @RequestBody DraftRequest request) {
		ApplicationDraft draft = own(draftId);
		draft.change(request.themeCode(), request.answers(), request.itemCodes(), order(request), Instant.now(clock));
		return drafts.save(draft);
	}

	@DeleteMapping("/{draftId}")
	ResponseEntity<Void> delete(@PathVariable @Size(max = 60) String draftId) {
		drafts.delete(own(draftId));
		return ResponseEntity.noContent().build();
	}

	/** Validates against the catalog now, pins the versions, and removes the draft. */
	@PostMapping("/{draftId}/submit")
	ResponseEntity<ApplicationView> submit(@PathVariable @Size(max = 60) String draftId) {
		ApplicationDraft draft = own(draftId);
		if (draft.getItemCodes().isEmpty()) {
			throw new InvalidRequestException("the draft lists no item", "itemCodes", "must list at least one item");
		}
		Application application = desk.submit(CurrentUser.current(), null, draft.getThemeCode(), draft.getAnswers(),
				draft.getItemCodes(), draft.getOrder(), "itemCodes");
		drafts.delete(draft);
		return ResponseEntity.created(URI.create("/api/v1/applications/" + application.getId()))
			.body(ApplicationView.of(application, calendars.calendar(), Instant.now(clock)));
	}

	private ApplicationDraft own(String draftId) {
		return drafts.findById(draftId)
			.filter(d -> d.isOwnedBy(CurrentUser.current().subject()))
			.orElseThrow(() -> new NotFoundException("no draft " + draftId));
	}

	private static List<Application.OrderConstraint> order(DraftRequest request) {
		return request.order() == null ? List.of()
				: request.order().stream().map(o -> new Application.OrderConstraint(o.before(), o.after())).toList();
	}

	record DraftRequest(@Size(max = 40) String themeCode,
			@NotNull @Size(max = 20) List<@NotBlank @Size(max = 40) String> itemCodes,
			@Size(max = 50) List<@Valid @NotNull OrderRequest> order,
			@Size(max = 50) java.util.Map<@Size(max = 40) String, Object> answers) {
	}

	record OrderRequest(@NotBlank @Size(max = 40) String before, @NotBlank @Size(max = 40) String after) {
	}

}
