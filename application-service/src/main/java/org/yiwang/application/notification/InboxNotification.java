package org.yiwang.application.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A notification in the applicant's portal inbox. */
@Document("notifications")
class InboxNotification {

	@Id
	String id;

	String recipientSubject;

	String kind;

	String title;

	String body;

	List<String> lines;

	String applicationId;

	Instant createdAt;

	Instant readAt;

	@PersistenceCreator
	InboxNotification() {
	}

	InboxNotification(Message message) {
		this.id = message.id();
		this.recipientSubject = message.recipientSubject();
		this.kind = message.kind();
		this.title = message.title();
		this.body = message.body();
		this.lines = message.lines();
		this.applicationId = message.applicationId();
		this.createdAt = message.at();
	}

}
