package org.yiwang.application.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.application.application.CaseEvents;
import org.yiwang.application.application.CaseStatus;
import org.yiwang.shared.contracts.ApprovalOverturned;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Decides what the applicant is told, from published events: accepted, rejected at intake, correction requested
 * (with the exact list), the ONE combined result when the application concludes, licence issued, rectification
 * outcome. Sends each message to every {@link NotificationChannel}.
 */
@Component
class ApplicantNotifications {

	private static final Logger log = LoggerFactory.getLogger(ApplicantNotifications.class);

	static final String CONSUMER = "application-service.notifications";

	private static final Map<CaseStatus, String> OUTCOMES = Map.of(CaseStatus.APPROVED, "准予", CaseStatus.DENIED, "不予许可",
			CaseStatus.REJECTED, "不予受理", CaseStatus.WITHDRAWN, "已撤回", CaseStatus.TERMINATED, "已终止");

	/** The events an applicant hears of; the others (submissions, approvals before the licence …) are skipped. */
	private static final Set<String> NOTIFIED = Set.of(CaseEvents.CaseAccepted.TYPE, CaseEvents.CaseRejected.TYPE,
			CaseEvents.CorrectionRequested.TYPE, CaseEvents.ApplicationConcluded.TYPE,
			CaseEvents.RectificationCompleted.TYPE, CaseEvents.MaterialsPrefilled.TYPE, ApprovalOverturned.TYPE,
			LicenseIssued.TYPE);

	private final IdempotentConsumer idempotent;

	private final List<NotificationChannel> channels;

	ApplicantNotifications(IdempotentConsumer idempotent, List<NotificationChannel> channels) {
		this.idempotent = idempotent;
		this.channels = channels;
	}

	@KafkaListener(topics = { Topics.APPLICATION, Topics.LICENSE }, groupId = CONSUMER)
	void on(ConsumerRecord<String, String> record) {
		// every channel is idempotent on the message id, which is the event id: no processed-event record needed
		idempotent.applyKeyed(record, NOTIFIED, this::notify);
	}

	private void notify(EventEnvelope e) {
		Message message = switch (e.type()) {
			case CaseEvents.CaseAccepted.TYPE -> {
				var p = EventCodec.payload(e, CaseEvents.CaseAccepted.class);
				yield new Message(e.eventId(), p.applicantSubject(), "ACCEPTED", "您申请的「" + p.itemName() + "」已受理",
						"办理部门已受理您的申请，法定办理时限自受理次日起按工作日计算。", List.of(), p.applicationId(), p.at());
			}
			case CaseEvents.CaseRejected.TYPE -> {
				var p = EventCodec.payload(e, CaseEvents.CaseRejected.class);
				yield new Message(e.eventId(), p.applicantSubject(), "REJECTED", "您的申请不予受理", "理由：" + p.reason(),
						List.of(), p.applicationId(), p.at());
			}
			case CaseEvents.CorrectionRequested.TYPE -> {
				var p = EventCodec.payload(e, CaseEvents.CorrectionRequested.class);
				yield new Message(e.eventId(), p.applicantSubject(), "CORRECTION_REQUESTED",
						"「" + p.itemName() + "」需要补正材料",
						"请一次性补正以下全部材料，补正期间办理时限暂停计算。", p.deficiencies(), p.applicationId(), p.at());
			}
			case CaseEvents.ApplicationConcluded.TYPE -> {
				var p = EventCodec.payload(e, CaseEvents.ApplicationConcluded.class);
				List<String> lines = new ArrayList<>();
				for (CaseEvents.ApplicationConcluded.Result r : p.results()) {
					lines.add(r.itemName() + "（" + r.departmentName() + "）：" + OUTCOMES.getOrDefault(r.outcome(), "")
							+ (r.reason() != null ? "，理由：" + r.reason() : "")
							+ (r.legalBasis() != null ? "，依据：" + r.legalBasis() : ""));
				}
				yield new Message(e.eventId(), p.applicantSubject(), "CONCLUDED", "您的办件已全部办结",
						"以下为各事项的办理结果，欢迎对本次服务进行评价（好差评）。", lines, p.applicationId(), p.concludedAt());
			}
			case CaseEvents.RectificationCompleted.TYPE -> {
				var p = EventCodec.payload(e, CaseEvents.RectificationCompleted.class);
				yield new Message(e.eventId(), p.applicantSubject(), "RECTIFIED", "您的评价已整改反馈",
						"整改情况：" + p.outcome(), List.of(), p.applicationId(), p.at());
			}
			case CaseEvents.MaterialsPrefilled.TYPE -> {
				var p = EventCodec.payload(e, CaseEvents.MaterialsPrefilled.class);
				List<String> lines = new ArrayList<>();
				p.filled().forEach(f -> lines.add("已由" + f.providedBy() + "共享提供：" + f.name()));
				p.uploadNeeded().forEach(m -> lines.add("请上传：" + m.name() + "（" + m.reason() + "）"));
				yield new Message(e.eventId(), p.applicantSubject(), "MATERIALS_PREFILLED",
						p.uploadNeeded().isEmpty() ? "共享材料已为您获取" : "部分共享材料未能获取，请上传",
						"以下材料由政府部门通过数据共享提供，您无需再提交；每次使用都可在“谁用了我的数据”中查看。", lines,
						p.applicationId(), p.at());
			}
			case ApprovalOverturned.TYPE -> {
				var p = EventCodec.payload(e, ApprovalOverturned.class);
				yield new Message(e.eventId(), p.applicantSubject(), "APPROVAL_OVERTURNED", "您的许可已被依法撤销",
						"理由：" + p.reason() + "；依据：" + p.legalBasis() + "。相应电子证照同时撤销，如有异议可依法申请行政复议或提起行政诉讼。",
						List.of(), p.applicationId(), p.overturnedAt());
			}
			case LicenseIssued.TYPE -> {
				var p = EventCodec.payload(e, LicenseIssued.class);
				yield new Message(e.eventId(), p.holderSubject(), "LICENSE_ISSUED", "电子证照已签发",
						"证照编号：" + p.licenseNumber() + "，可在证照夹中查看。", List.of(), p.applicationId(), p.issuedAt());
			}
			default -> null;
		};
		if (message == null || message.recipientSubject() == null) {
			return;
		}
		for (NotificationChannel channel : channels) {
			channel.deliver(message);
			log.debug("notified {} via {}: {}", message.kind(), channel.name(), message.id());
		}
	}

}
