package org.yiwang.application.catalog;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.ThemePublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link PublishedItem}s and {@link PublishedTheme}s current from {@code catalog.events}. Both only move
 * forward (an older version arriving late never replaces a newer one), so replays are harmless.
 */
@Component
class CatalogEvents {

	static final String CONSUMER = "application-service.catalog";

	private static final Set<String> TYPES = Set.of(ItemPublished.TYPE, ThemePublished.TYPE);

	private final IdempotentConsumer idempotent;

	private final MongoTemplate mongo;

	CatalogEvents(IdempotentConsumer idempotent, MongoTemplate mongo) {
		this.idempotent = idempotent;
		this.mongo = mongo;
	}

	@KafkaListener(topics = Topics.CATALOG, groupId = "application-service")
	void on(ConsumerRecord<String, String> record) {
		idempotent.handle(CONSUMER, record, TYPES, envelope -> {
			if (envelope.is(ItemPublished.TYPE)) {
				apply(EventCodec.payload(envelope, ItemPublished.class));
			}
			else if (envelope.is(ThemePublished.TYPE)) {
				apply(EventCodec.payload(envelope, ThemePublished.class));
			}
		});
	}

	/**
	 * Themes are keyed by theme code on the topic, so one theme's versions arrive in order; the guard keeps a replay
	 * of an older version from replacing a newer one.
	 */
	private void apply(ThemePublished event) {
		PublishedTheme current = mongo.findById(event.themeCode(), PublishedTheme.class);
		if (current != null && current.getThemeVersion() >= event.themeVersion()) {
			return;
		}
		mongo.save(new PublishedTheme(event.themeCode(), event.themeVersion(), event.name(), event.itemCodes(),
				event.departmentCodes(), event.publishedAt(), event.plan()));
	}

	private void apply(ItemPublished event) {
		PublishedItem current = mongo.findById(event.itemCode(), PublishedItem.class);
		if (current != null && current.getItemVersion() >= event.itemVersion()) {
			return;
		}
		Query notNewer = new Query(Criteria.where("_id").is(event.itemCode())
			.orOperator(Criteria.where("itemVersion").lt(event.itemVersion()), Criteria.where("itemVersion").exists(false)));
		Update update = new Update().set("itemVersion", event.itemVersion())
			.set("name", event.name())
			.set("departmentCode", event.departmentCode())
			.set("departmentName", event.departmentName())
			.set("promisedDays", event.promisedDays())
			.set("legalDays", event.legalDays())
			.set("licenseType", event.licenseType())
			.set("licenseName", event.licenseName())
			.set("licenseValidityYears", event.licenseValidityYears())
			.set("materials", event.materials());
		if (current == null) {
			mongo.upsert(new Query(Criteria.where("_id").is(event.itemCode())), update, PublishedItem.class);
		}
		else {
			mongo.updateFirst(notNewer, update, PublishedItem.class);
		}
	}

}
