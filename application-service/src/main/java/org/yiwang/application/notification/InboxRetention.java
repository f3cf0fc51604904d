package org.yiwang.application.notification;

import java.time.Duration;

import org.yiwang.shared.mongo.Retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The applicant's inbox keeps a notification 400 days after it was made
 * ({@code platform.retention.notifications.max-age}, on {@code createdAt}, read or not): what a citizen reads, so
 * kept well beyond a year; the application, its decisions and licences stay in their own records, this is only the
 * message about them. Far longer than Kafka keeps the events, so a redelivered event still meets its notification's
 * id (the event id) and makes no second one.
 */
@Configuration(proxyBeanMethods = false)
class InboxRetention {

	@Bean
	Retention notificationsRetention() {
		return Retention.of("notifications", "notifications", "createdAt", Duration.ofDays(400));
	}

}
