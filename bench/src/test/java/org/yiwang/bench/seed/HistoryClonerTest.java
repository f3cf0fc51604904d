package org.yiwang.bench.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryClonerTest {

	static final String APP = "APP-9073ef93-a46b-4749-8435-daca59641563";

	static final List<String> CASES = List.of("CASE-698f32a5-aa4a-4e0c-abdc-d5394e5f363e",
			"CASE-2557eba6-6194-4b64-8e13-f52e07e1a3ad", "CASE-1ed92934-5bd1-46ae-a548-f9278d692f15");

	static final List<String> LICENCES = List.of("BUSINESS_LICENSE-SCJG-2026-000001-6",
			"PUBLIC_HYGIENE-WSJK-2026-000001-T", "FIRE_SAFETY-XFJY-2026-000001-F");

	static final List<String> DEPARTMENTS = List.of("SCJG", "WSJK", "XFJY");

	static final List<String> EVENTS = List.of("0b7c6f0e-55a3-4f3e-9f6e-1f1b2c3d4e01",
			"0b7c6f0e-55a3-4f3e-9f6e-1f1b2c3d4e02", "0b7c6f0e-55a3-4f3e-9f6e-1f1b2c3d4e03");

	static final String CORRELATION = "corr-5f1c8a2b-77d0-4c1e-a3a1-000000000001";

	static final String SUBJECT = "5d1c2a9e-7f3b-4c8a-9e01-00000000a002";

	static final String NAME = "李四";

	static final String ID_NUMBER = "440304198511212348";

	static final Instant SUBMITTED = Instant.parse("2026-12-03T09:38:53.087Z");

	static final Instant DECIDED = Instant.parse("2026-12-03T09:38:59.671Z");

	static final Date MIDNIGHT = Date.from(Instant.parse("2026-12-03T00:00:00Z"));

	static SeedTemplate template() {
		List<Document> cases = new ArrayList<>();
		List<Document> materials = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			cases.add(new Document("caseId", CASES.get(i)).append("departmentCode", DEPARTMENTS.get(i))
				.append("status", "APPROVED")
				.append("licenseNumber", LICENCES.get(i))
				.append("decidedAt", Date.from(DECIDED))
				.append("history", List.of(new Document("action", "APPROVE").append("at", Date.from(DECIDED)))));
			materials.add(new Document("materialId", "MAT-LIC-" + CASES.get(i)).append("reference", LICENCES.get(i)));
		}
		materials.add(new Document("materialId", "MAT-SD-GA-POPULATION").append("data",
				new Document("idNumber", ID_NUMBER).append("name", NAME)
					.append("gender", "女")
					.append("birthDate", "1985-11-21")));
		Document application = new Document("_id", APP).append("applicantSubject", SUBJECT)
			.append("applicantName", NAME)
			.append("submittedBy", SUBJECT)
			.append("submittedAt", Date.from(SUBMITTED))
			.append("concludedAt", Date.from(DECIDED))
			.append("cases", cases)
			.append("materials", materials)
			.append("requirements", List.of(new Document("key", "E_LICENSE:BUSINESS_LICENSE").append("materialId",
					"MAT-LIC-" + CASES.get(0))))
			.append("revision", 8L)
			.append("outbox", List.of(new Document("eventId", "left-over")));
		List<Document> licences = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			licences.add(new Document("_id", LICENCES.get(i)).append("type", LICENCES.get(i).split("-")[0])
				.append("issuingDepartment", DEPARTMENTS.get(i))
				.append("caseId", CASES.get(i))
				.append("applicationId", APP)
				.append("holderSubject", SUBJECT)
				.append("holderName", NAME)
				.append("holderIdNumber", "aesgcm1:sealed")
				.append("holderIdHash", "2c39fca1be960815c5a2021d9e54202e5c886f5532e167a99d861838d05e7a02")
				.append("holderIdMasked", "4403**********2348")
				.append("issuedAt", Date.from(DECIDED.plusMillis(300)))
				.append("validFrom", MIDNIGHT)
				.append("statusIndex", 59711 + i)
				.append("credential", "aesgcm1:opaque")
				.append("signatureBytes", new Binary(new byte[] { 1, 2, 3 }))
				.append("outbox", List.of()));
		}
		List<Document> notifications = List.of(new Document("_id", "13fc00e2-5d76-4f43-9386-87e202a5cc88")
			.append("recipientSubject", SUBJECT)
			.append("applicationId", APP)
			.append("createdAt", Date.from(DECIDED)));
		List<Document> appProcessed = new ArrayList<>();
		List<Document> licenceProcessed = new ArrayList<>();
		for (String event : EVENTS) {
			appProcessed.add(new Document("_id", "application-service.notifications:" + event).append("eventId", event)
				.append("processedAt", Date.from(DECIDED)));
			licenceProcessed.add(new Document("_id", "license-service.application:" + event).append("eventId", event)
				.append("processedAt", Date.from(DECIDED)));
		}
		String body = "{\"eventId\":\"" + EVENTS.get(0) + "\",\"type\":\"application.CaseSubmitted\",\"occurredAt\":\""
				+ SUBMITTED + "\",\"aggregateId\":\"" + APP + "\",\"correlationId\":\"" + CORRELATION
				+ "\",\"payload\":{\"caseId\":\"" + CASES.get(0) + "\",\"applicationId\":\"" + APP
				+ "\",\"applicantName\":\"" + NAME + "\"}}";
		List<Document> deliveries = List.of(new Document("_id", "WH-1234abcd-0000-0000-0000-000000000000:" + EVENTS.get(0))
			.append("subscriptionId", "WH-1234abcd-0000-0000-0000-000000000000")
			.append("eventId", EVENTS.get(0))
			.append("body", body)
			.append("status", "DELIVERED")
			.append("createdAt", Date.from(SUBMITTED)));
		return new SeedTemplate(application, licences, notifications, appProcessed, licenceProcessed, deliveries,
				List.of(), EVENTS, List.of(CORRELATION));
	}

	private static HistoryCloner.Clone cloneOf(HistoryCloner cloner, int serial, long offset, SplittableRandom random) {
		List<String> numbers = new ArrayList<>();
		for (HistoryCloner.LicenceTemplate l : cloner.licenceTemplates()) {
			numbers.add(LicenceNumbers.of(l.type(), l.issuer(), 2026, serial));
		}
		return cloner.clone(cloner.newIds(numbers, random), offset, new int[] { serial, serial + 1, serial + 2 });
	}

	/** Every id of a clone: its documents' _ids, its cases, its licences' cases, the event ids it mentions. */
	private static Set<String> ids(HistoryCloner.Clone clone) {
		Set<String> ids = new HashSet<>();
		ids.add(clone.applicationId());
		clone.application().getList("cases", Document.class).forEach(c -> ids.add(c.getString("caseId")));
		for (List<Document> docs : List.of(clone.licences(), clone.notifications(), clone.applicationProcessed(),
				clone.licenceProcessed(), clone.webhookDeliveries())) {
			docs.forEach(d -> ids.add(d.get("_id").toString()));
		}
		clone.licences().forEach(l -> ids.add(l.getString("caseId")));
		clone.applicationProcessed().forEach(p -> ids.add(p.getString("eventId")));
		return ids;
	}

	@Test
	void clonesShareNoIdWithTheTemplateOrWithEachOther() {
		SeedTemplate template = template();
		HistoryCloner cloner = new HistoryCloner(template);
		SplittableRandom random = new SplittableRandom(7);
		Set<String> seen = new HashSet<>(cloner.originals());
		for (int i = 0; i < 200; i++) {
			HistoryCloner.Clone clone = cloneOf(cloner, 100 + 3 * i, -86_400_000L * (i + 1), random);
			Set<String> ids = ids(clone);
			for (String id : ids) {
				if (!id.startsWith("WH-")) {
					assertThat(seen.add(id)).as("id %s is new", id).isTrue();
				}
			}
		}
	}

	@Test
	void idsAreMadeInIncreasingOrder() {
		HistoryCloner cloner = new HistoryCloner(template());
		SplittableRandom random = new SplittableRandom(11);
		String previous = "";
		for (int i = 0; i < 10_000; i++) {
			String id = cloneOf(cloner, i + 1, -1, random).applicationId();
			assertThat(id).startsWith("APP-").hasSize(APP.length()).isGreaterThan(previous);
			previous = id;
		}
	}

	@Test
	void aCloneIsConsistentWithinItselfAndMentionsNoTemplateId() {
		HistoryCloner cloner = new HistoryCloner(template());
		HistoryCloner.Clone clone = cloneOf(cloner, 500, -86_400_000L * 30 - 12_345, new SplittableRandom(1));
		Document app = clone.application();
		List<Document> cases = app.getList("cases", Document.class);
		for (int i = 0; i < 3; i++) {
			Document licence = clone.licences().get(i);
			assertThat(licence.getString("caseId")).isEqualTo(cases.get(i).getString("caseId"));
			assertThat(licence.getString("applicationId")).isEqualTo(app.getString("_id"));
			assertThat(cases.get(i).getString("licenseNumber")).isEqualTo(licence.getString("_id"));
			assertThat(LicenceNumbers.valid(licence.getString("_id"))).isTrue();
			assertThat(licence.getInteger("statusIndex")).isEqualTo(500 + i);
			assertThat(app.getList("materials", Document.class).get(i).getString("materialId"))
				.isEqualTo("MAT-LIC-" + cases.get(i).getString("caseId"));
		}
		assertThat(app.getList("requirements", Document.class).get(0).getString("materialId"))
			.isEqualTo("MAT-LIC-" + cases.get(0).getString("caseId"));
		assertThat(clone.notifications().get(0).getString("applicationId")).isEqualTo(app.getString("_id"));
		Document processed = clone.applicationProcessed().get(0);
		assertThat(processed.getString("_id")).isEqualTo("application-service.notifications:" + processed.getString("eventId"));
		assertThat(clone.licenceProcessed().get(0).getString("eventId")).isEqualTo(processed.getString("eventId"));
		Document delivery = clone.webhookDeliveries().get(0);
		assertThat(delivery.getString("_id")).endsWith(":" + delivery.getString("eventId"));
		assertThat(delivery.getString("body")).contains(app.getString("_id"), cases.get(0).getString("caseId"),
				delivery.getString("eventId"));
		String everything = app.toJson() + clone.licences() + clone.notifications() + clone.applicationProcessed()
				+ clone.licenceProcessed() + clone.webhookDeliveries();
		for (String original : new HistoryCloner(template()).originals()) {
			assertThat(everything).doesNotContain(original);
		}
	}

	@Test
	void eachCloneIsMadeByAnotherPersonNamedConsistentlyEverywhere() {
		HistoryCloner cloner = new HistoryCloner(template());
		SplittableRandom random = new SplittableRandom(9);
		Set<String> subjects = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			HistoryCloner.Clone clone = cloneOf(cloner, 10 + 3 * i, -1, random);
			Document app = clone.application();
			String subject = app.getString("applicantSubject");
			String name = app.getString("applicantName");
			assertThat(subjects.add(subject)).isTrue();
			assertThat(subject).isNotEqualTo(SUBJECT);
			assertThat(app.getString("submittedBy")).isEqualTo(subject);
			Document data = app.getList("materials", Document.class).get(3).get("data", Document.class);
			String idNumber = data.getString("idNumber");
			assertThat(SyntheticPersons.valid(idNumber)).isTrue();
			assertThat(idNumber).isNotEqualTo(ID_NUMBER);
			assertThat(data.getString("name")).isEqualTo(name);
			assertThat(data.getString("birthDate")).isEqualTo(SyntheticPersons.birthDate(idNumber));
			for (Document licence : clone.licences()) {
				assertThat(licence.getString("holderSubject")).isEqualTo(subject);
				assertThat(licence.getString("holderName")).isEqualTo(name);
				assertThat(licence.getString("holderIdMasked")).isEqualTo(SyntheticPersons.masked(idNumber));
				assertThat(licence.getString("holderIdHash")).hasSize(64)
					.isNotEqualTo("2c39fca1be960815c5a2021d9e54202e5c886f5532e167a99d861838d05e7a02");
				assertThat(licence.getString("holderIdNumber")).isEqualTo("aesgcm1:sealed");
			}
			assertThat(clone.licences().get(0).getString("holderIdHash"))
				.isEqualTo(clone.licences().get(2).getString("holderIdHash"));
			assertThat(clone.notifications().get(0).getString("recipientSubject")).isEqualTo(subject);
			assertThat(clone.webhookDeliveries().get(0).getString("body")).contains("\"applicantName\":\"" + name + "\"");
		}
	}

	@Test
	void momentsMoveByTheOffsetAndDatesByWholeDays() {
		HistoryCloner cloner = new HistoryCloner(template());
		long offset = -86_400_000L * 45 - 3_600_000L * 5 - 777;
		HistoryCloner.Clone clone = cloneOf(cloner, 1, offset, new SplittableRandom(3));
		assertThat(clone.application().getDate("submittedAt").toInstant()).isEqualTo(SUBMITTED.plusMillis(offset));
		assertThat(clone.application().getList("cases", Document.class).get(1).getDate("decidedAt").toInstant())
			.isEqualTo(DECIDED.plusMillis(offset));
		Date validFrom = clone.licences().get(0).getDate("validFrom");
		assertThat(validFrom.getTime() % 86_400_000L).isZero();
		assertThat(validFrom.toInstant()).isEqualTo(MIDNIGHT.toInstant().minusSeconds(46L * 86_400));
		assertThat(clone.webhookDeliveries().get(0).getString("body"))
			.contains("\"occurredAt\":\"" + SUBMITTED.plusMillis(offset) + "\"");
	}

	@Test
	void seededDocumentsAreMarkedAndPublishNothing() {
		HistoryCloner.Clone clone = cloneOf(new HistoryCloner(template()), 1, -1, new SplittableRandom(5));
		assertThat(clone.application().getList("outbox", Object.class)).isEmpty();
		assertThat(clone.licences()).allSatisfy(l -> assertThat(l.getList("outbox", Object.class)).isEmpty());
		assertThat(clone.notifications().get(0).containsKey("outbox")).isFalse();
		for (List<Document> docs : List.of(List.of(clone.application()), clone.licences(), clone.notifications(),
				clone.applicationProcessed(), clone.licenceProcessed(), clone.webhookDeliveries())) {
			assertThat(docs).allSatisfy(d -> assertThat(d.getString(HistoryCloner.SEEDED_BY)).isEqualTo("bench"));
		}
		assertThat(clone.application().getLong("revision")).isEqualTo(8L);
		assertThat(clone.licences().get(0).getString("credential")).isEqualTo("aesgcm1:opaque");
	}

}
