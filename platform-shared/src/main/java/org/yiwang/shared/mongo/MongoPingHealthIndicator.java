package org.yiwang.shared.mongo;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which both a real MongoDB and the wire server answer (Boot's own indicator
 * uses {@code hello}, which the wire server lacks).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	public MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = mongo.executeCommand(new Document("ping", 1));
		Object ok = result.get("ok");
		if (ok instanceof Number number && number.doubleValue() == 1.0) {
			builder.up().withDetail("database", mongo.getDb().getName());
		}
		else {
			builder.down().withDetail("response", result.toJson());
		}
	}

}
