package org.yiwang.license.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yiwang.license.type.LicenseType;
import org.yiwang.license.type.LicenseTypes;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns licence types from the catalog: every published handling item that issues a licence defines one. */
@Component
class CatalogEvents {

	static final String CONSUMER = "license-service.catalog";

	private final IdempotentConsumer idempotent;

	private final LicenseTypes types;

	private final Clock clock;

	CatalogEvents(IdempotentConsumer idempotent, LicenseTypes types, Clock clock) {
		this.idempotent = idempotent;
		this.types = types;
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.CATALOG, groupId = "${platform.license.catalog-consumer-group:license-service}")
	void on(ConsumerRecord<String, String> record) {
		idempotent.handle(CONSUMER, record, Set.of(ItemPublished.TYPE), envelope -> {
			ItemPublished item = EventCodec.payload(envelope, ItemPublished.class);
			if (item.licenseType() == null || item.licenseType().isBlank()) {
				return;
			}
			// keyed by type code: a replay or an older version arriving late never replaces a newer definition
			boolean newer = types.findById(item.licenseType())
				.map(known -> !known.itemCode().equals(item.itemCode()) || known.itemVersion() <= item.itemVersion())
				.orElse(true);
			if (newer) {
				types.save(new LicenseType(item.licenseType(), item.licenseName(), item.licenseValidityYears(),
						item.departmentCode(), item.itemCode(), item.itemVersion(), Instant.now(clock)));
			}
		});
	}

}
