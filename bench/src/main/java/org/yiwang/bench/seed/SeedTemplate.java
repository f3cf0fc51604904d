package org.yiwang.bench.seed;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * Everything one real, completed theme application left in the databases, as stored: the application, its
 * licences, the applicant's notifications, the consumers' processed-event records of its events in both services,
 * the webhook deliveries of its case events, the licences' usage log; plus the ids of its events and the
 * correlation ids they carried (the strings a clone must renew wherever they occur).
 */
record SeedTemplate(Document application, List<Document> licences, List<Document> notifications,
		List<Document> applicationProcessed, List<Document> licenceProcessed, List<Document> webhookDeliveries,
		List<Document> licenceUses, List<String> eventIds, List<String> correlationIds) {

	String applicationId() {
		return application.getString("_id");
	}

	Document toDocument(String key) {
		return new Document("_id", key).append("applicationId", applicationId())
			.append("application", application)
			.append("licences", licences)
			.append("notifications", notifications)
			.append("applicationProcessed", applicationProcessed)
			.append("licenceProcessed", licenceProcessed)
			.append("webhookDeliveries", webhookDeliveries)
			.append("licenceUses", licenceUses)
			.append("eventIds", eventIds)
			.append("correlationIds", correlationIds);
	}

	static SeedTemplate of(Document stored) {
		return new SeedTemplate(stored.get("application", Document.class), documents(stored, "licences"),
				documents(stored, "notifications"), documents(stored, "applicationProcessed"),
				documents(stored, "licenceProcessed"), documents(stored, "webhookDeliveries"),
				documents(stored, "licenceUses"), strings(stored, "eventIds"), strings(stored, "correlationIds"));
	}

	int documentsPerApplication() {
		return 1 + licences.size() + notifications.size() + applicationProcessed.size() + licenceProcessed.size()
				+ webhookDeliveries.size() + licenceUses.size() + licences.size(); // + one status position per licence
	}

	private static List<Document> documents(Document stored, String field) {
		List<Document> list = stored.getList(field, Document.class);
		return list == null ? List.of() : new ArrayList<>(list);
	}

	private static List<String> strings(Document stored, String field) {
		List<String> list = stored.getList(field, String.class);
		return list == null ? List.of() : new ArrayList<>(list);
	}

}
