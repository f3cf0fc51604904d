package org.yiwang.application.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The portal inbox channel: stores the notification, once per message id. */
@Component
class PortalInbox implements NotificationChannel {

	private final MongoTemplate mongo;

	PortalInbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String name() {
		return "INBOX";
	}

	@Override
	public void deliver(Message message) {
		try {
			mongo.insert(new InboxNotification(message));
		}
		catch (DuplicateKeyException ex) {
			// delivered before
		}
	}

}
