package org.yiwang.application.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.ApplicationDesk;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 差评整改: a department's rectification tasks opened by ratings of 1–2, and their completion with the outcome
 * the applicant then sees on the application.
 */
@RestController
@Validated
@RequestMapping("/api/v1/rectifications")
class RectificationController {

	private final ApplicationDesk desk;

	private final MongoTemplate mongo;

	RectificationController(ApplicationDesk desk, MongoTemplate mongo) {
		this.desk = desk;
		this.mongo = mongo;
	}

	@GetMapping
	PageView<RectificationView> department(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		CurrentUser user = CurrentUser.current();
		if (user.department() == null) {
			throw new ForbiddenException("no department in your token");
		}
		Criteria criteria = Criteria.where("rectifications.departmentCode").is(user.department());
		long total = mongo.count(new Query(criteria), Application.class);
		List<RectificationView> items = mongo
			.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")).skip((long) page * size).limit(size),
					Application.class)
			.stream()
			.flatMap(a -> a.getRectifications()
				.stream()
				.filter(r -> r.departmentCode().equals(user.department()))
				.map(r -> new RectificationView(a.getId(), a.getRating().score(), a.getRating().comment(),
						r.dueDate(), r.status(), r.outcome(), r.completedAt())))
			.toList();
		return new PageView<>(items, page, size, total);
	}

	@PostMapping("/{applicationId}/complete")
	RectificationView complete(@PathVariable @Size(max = 60) String applicationId,
			@Valid @RequestBody CompleteRequest request) {
		CurrentUser user = CurrentUser.current();
		Application application = desk.completeRectification(user, applicationId, request.outcome());
		Application.Rectification r = application.getRectifications()
			.stream()
			.filter(x -> x.departmentCode().equals(user.department()))
			.findFirst()
			.orElseThrow();
		return new RectificationView(application.getId(), application.getRating().score(),
				application.getRating().comment(), r.dueDate(), r.status(), r.outcome(), r.completedAt());
	}

	record CompleteRequest(@NotBlank @Size(max = 2000) String outcome) {
	}

	record RectificationView(String applicationId, int score, String comment, LocalDate dueDate, String status,
			String outcome, Instant completedAt) {
	}

}
