package org.yiwang.shared.messaging;

import java.time.Instant;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events each consumer has processed. The key {@code <consumer>:<eventId>} is the document's
 * {@code _id}, so uniqueness holds on every MongoDB (and on the wire server, which ignores other indexes).
 */
public class ProcessedEvents {

	static final String COLLECTION = "processed_events";

	private final MongoTemplate mongo;

	public ProcessedEvents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public boolean contains(String consumer, String eventId) {
		return mongo.exists(new Query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
	}

	/** Records the event as processed; returns false when it already was. */
	public boolean record(String consumer, String eventId, String type) {
		try {
			mongo.insert(new Document("_id", key(consumer, eventId)).append("consumer", consumer)
				.append("eventId", eventId)
				.append("type", type)
				.append("processedAt", Instant.now()), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static String key(String consumer, String eventId) {
		return consumer + ":" + eventId;
	}

}
