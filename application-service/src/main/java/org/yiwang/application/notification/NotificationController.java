package org.yiwang.application.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's portal inbox: own notifications only, newest first; mark as read. */
@RestController
@Validated
@RequestMapping("/api/v1/notifications")
class NotificationController {

	private final MongoTemplate mongo;

	private final Clock clock;

	NotificationController(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@GetMapping
	PageView<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Size(max = 60) String applicationId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Criteria criteria = Criteria.where("recipientSubject").is(CurrentUser.current().subject());
		if (unread) {
			criteria = criteria.and("readAt").is(null);
		}
		if (applicationId != null) {
			criteria = criteria.and("applicationId").is(applicationId);
		}
		long total = mongo.count(new Query(criteria), InboxNotification.class);
		List<NotificationView> items = mongo
			.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size),
					InboxNotification.class)
			.stream()
			.map(NotificationView::of)
			.toList();
		return new PageView<>(items, page, size, total);
	}

	@PostMapping("/{id}/read")
	NotificationView read(@PathVariable @Size(max = 80) String id) {
		String subject = CurrentUser.current().subject();
		Query own = new Query(Criteria.where("_id").is(id).and("recipientSubject").is(subject));
		InboxNotification notification = mongo.findOne(own, InboxNotification.class);
		if (notification == null) {
			throw new NotFoundException("no notification " + id);
		}
		if (notification.readAt == null) {
			mongo.updateFirst(own, new Update().set("readAt", Instant.now(clock)), InboxNotification.class);
			notification = mongo.findOne(own, InboxNotification.class);
		}
		return NotificationView.of(notification);
	}

	record NotificationView(String id, String kind, String title, String body, List<String> lines,
			String applicationId, Instant createdAt, Instant readAt) {

		static NotificationView of(InboxNotification n) {
			return new NotificationView(n.id, n.kind, n.title, n.body, n.lines, n.applicationId, n.createdAt, n.readAt);
		}

	}

}
