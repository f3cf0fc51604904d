package org.yiwang.application.notification;

/**
 * Where applicant notifications go. The portal inbox is the channel today; SMS and e-mail adapters are further
 * implementations (a bean each), added without touching what decides to notify. A channel must be idempotent on
 * {@link Message#id()}: events are delivered at least once.
 */
public interface NotificationChannel {

	String name();

	void deliver(Message message);

}
