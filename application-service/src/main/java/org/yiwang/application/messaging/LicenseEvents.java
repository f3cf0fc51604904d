package org.yiwang.application.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Applications;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records issued licence numbers on their cases, so the applicant sees them with the application. */
@Component
class LicenseEvents {

	private static final Logger log = LoggerFactory.getLogger(LicenseEvents.class);

	static final String CONSUMER = "application-service.license";

	private static final Set<String> TYPES = Set.of(LicenseIssued.TYPE);

	private final IdempotentConsumer idempotent;

	private final Applications applications;

	LicenseEvents(IdempotentConsumer idempotent, Applications applications) {
		this.idempotent = idempotent;
		this.applications = applications;
	}

	@KafkaListener(topics = Topics.LICENSE, groupId = "application-service")
	void on(ConsumerRecord<String, String> record) {
		// recording a licence is idempotent by itself (the same number on the same case changes nothing), so a
		// redelivered event needs no processed-event record to be harmless
		idempotent.applyKeyed(record, TYPES, envelope -> record(EventCodec.payload(envelope, LicenseIssued.class)));
	}

	private void record(LicenseIssued issued) {
		// an officer may be saving the same application: reload and retry on a version conflict
		for (int attempt = 0; attempt < 5; attempt++) {
			Application application = applications.findById(issued.applicationId()).orElse(null);
			if (application == null) {
				log.warn("licence {} refers to unknown application {}", issued.licenseNumber(), issued.applicationId());
				return;
			}
			if (!application.recordLicense(issued.caseId(), issued.licenseNumber(),
					issued.issuedAt() != null ? issued.issuedAt() : java.time.Instant.now())) {
				return;
			}
			try {
				applications.save(application);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("retrying licence record for {} after concurrent update", issued.applicationId());
			}
		}
		throw new IllegalStateException("could not record licence " + issued.licenseNumber() + " after 5 attempts");
	}

}
