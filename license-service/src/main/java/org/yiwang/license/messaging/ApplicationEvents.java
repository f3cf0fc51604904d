package org.yiwang.license.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yiwang.license.license.ApprovalOverturns;
import org.yiwang.license.license.ApprovedCase;
import org.yiwang.license.license.LicenseIssuance;
import org.yiwang.license.license.Overturn;
import org.yiwang.shared.contracts.ApprovalOverturned;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.InvalidEventException;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.identity.Usccs;
import org.yiwang.shared.messaging.EventRecords;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issues the licence an approved case's item defines ({@code application.CaseApproved}) and revokes it when the
 * approval is overturned ({@code application.ApprovalOverturned}). An event that breaks its contract (e.g. an
 * enterprise holder with an invalid USCC, an overturn without reason or legal basis) is dead-lettered.
 */
@Component
class ApplicationEvents {

	static final String CONSUMER = "license-service.application";

	private static final Set<String> TYPES = Set.of(CaseApproved.TYPE, ApprovalOverturned.TYPE);

	private final IdempotentConsumer idempotent;

	private final LicenseIssuance issuance;

	private final ApprovalOverturns overturns;

	ApplicationEvents(IdempotentConsumer idempotent, LicenseIssuance issuance, ApprovalOverturns overturns) {
		this.idempotent = idempotent;
		this.issuance = issuance;
		this.overturns = overturns;
	}

	// one consumer per partition of application.events (platform.kafka.partitions, 3): events of one application
	// share a key, so a partition, so a thread; measured, one thread issued ~10 licences/s and held the theme's
	// approved -> licence stage at 10-13 s under load
	@KafkaListener(topics = Topics.APPLICATION,
			groupId = "${platform.license.application-consumer-group:license-service}",
			concurrency = "${platform.license.application-consumers:3}")
	void on(ConsumerRecord<String, String> record) {
		// of the dozen events an application makes, two matter here; the others are skipped unparsed (by their
		// eventType header) and with no store access. An approval's effect is keyed by itself (at most one licence
		// per case: a unique index, checked before any work), so it needs no processed-event record; an overturn
		// keeps its record
		EventEnvelope envelope = EventRecords.read(record, TYPES);
		if (envelope == null) {
			return;
		}
		if (envelope.is(CaseApproved.TYPE)) {
			idempotent.applyKeyed(envelope, e -> approved(EventCodec.payload(e, CaseApproved.class)));
		}
		else if (envelope.is(ApprovalOverturned.TYPE)) {
			idempotent.handle(CONSUMER, envelope, e -> {
				ApprovalOverturned o = EventCodec.payload(e, ApprovalOverturned.class);
				overturns.overturned(new Overturn(o.caseId(), o.licenseNumber(), o.departmentCode(), o.reason(),
						o.legalBasis(), o.overturnedBy(), o.overturnedAt()));
			});
		}
	}

	private void approved(CaseApproved approved) {
		if (approved.licenseType() == null || approved.licenseType().isBlank()) {
			return;
		}
		if (approved.enterpriseHolder() && Usccs.problem(approved.enterpriseUscc()) != null) {
			throw new InvalidEventException("payload.enterpriseUscc", Usccs.problem(approved.enterpriseUscc()));
		}
		if (approved.enterpriseHolder() && (approved.enterpriseName() == null || approved.enterpriseName().isBlank())) {
			throw new InvalidEventException("payload.enterpriseName", "must be present with enterpriseUscc");
		}
		issuance.approved(new ApprovedCase(approved.caseId(), approved.applicationId(), approved.itemCode(),
				approved.departmentCode(), approved.applicantSubject(), approved.applicantName(),
				approved.enterpriseUscc(), approved.enterpriseName(), approved.licenseType(), approved.licenseName(),
				approved.licenseValidityYears(), approved.licenseData()));
	}

}
