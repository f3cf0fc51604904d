package org.yiwang.license.messaging;

import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseIssuer;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Issues the licence an approved case's item defines. */
@Component
class ApplicationEvents {

	static final String CONSUMER = "license-service.application";

	private final IdempotentConsumer idempotent;

	private final LicenseIssuer issuer;

	ApplicationEvents(IdempotentConsumer idempotent, LicenseIssuer issuer) {
		this.idempotent = idempotent;
		this.issuer = issuer;
	}

	@KafkaListener(topics = Topics.APPLICATION, groupId = "license-service")
	void on(String record) {
		idempotent.handle(CONSUMER, record, envelope -> {
			if (!envelope.is(CaseApproved.TYPE)) {
				return;
			}
			CaseApproved approved = EventCodec.payload(envelope, CaseApproved.class);
			if (approved.licenseType() == null || approved.licenseType().isBlank()) {
				return;
			}
			issuer.issue(new License.Issuance(approved.licenseType(), approved.licenseName(),
					approved.applicantSubject(), approved.applicantName(), approved.departmentCode(),
					approved.caseId(), approved.applicationId(), approved.itemCode(),
					approved.licenseValidityYears(), java.util.Map.of()));
		});
	}

}
