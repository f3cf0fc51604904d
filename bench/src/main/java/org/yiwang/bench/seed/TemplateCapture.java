package org.yiwang.bench.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.yiwang.bench.Progress;
import org.yiwang.bench.theme.Loopback;

/**
 * Finds a real, completed theme application (all three cases approved, each with its licence, nothing left in its
 * outbox) and collects what it left behind in both services' databases. Its events are read back from Kafka
 * ({@code application.events} keyed by the application, {@code license.events} naming it), from shortly before
 * its submission to a while after its conclusion: their ids lead to the processed-event records and webhook
 * deliveries, which name no application themselves.
 */
final class TemplateCapture {

	/** The key the captured template is stored under (the shape's name). */
	static final String THEME = "open-restaurant";

	/** The three items of the benchmark's application (see {@code theme.ThemeDriver}). */
	static final List<String> ITEMS = List.of("44030000SCJG-QR-0002", "44030000WSJK-XK-0001", "44030000XFJY-XK-0001");

	static final List<String> TOPICS = List.of("application.events", "license.events");

	private final MongoDatabase applications;

	private final MongoDatabase licences;

	private final String kafkaBootstrap;

	private final Progress progress;

	TemplateCapture(MongoClient mongo, String applicationDb, String licenceDb, String kafkaBootstrap,
			Progress progress) {
		this.applications = mongo.getDatabase(applicationDb);
		this.licences = mongo.getDatabase(licenceDb);
		this.kafkaBootstrap = Loopback.bootstrap(kafkaBootstrap);
		this.progress = progress;
	}

	/** The newest completed theme application that is not itself seeded. */
	Optional<Document> newestCompleted() {
		for (Document app : applications.getCollection("applications")
			.find(Filters.and(Filters.all("cases.itemCode", ITEMS), Filters.ne("concludedAt", null),
					Filters.exists(HistoryCloner.SEEDED_BY, false)))
			.sort(Sorts.descending("submittedAt"))
			.limit(50)) {
			if (usable(app)) {
				return Optional.of(app);
			}
		}
		return Optional.empty();
	}

	static boolean usable(Document app) {
		if (app.containsKey(HistoryCloner.SEEDED_BY) || app.getDate("submittedAt") == null) {
			return false;
		}
		List<Document> cases = app.getList("cases", Document.class);
		List<?> outbox = app.getList("outbox", Object.class);
		return cases != null && cases.size() == 3 && (outbox == null || outbox.isEmpty())
				&& cases.stream().allMatch(c -> "APPROVED".equals(c.getString("status")) && c.getString("licenseNumber") != null);
	}

	SeedTemplate capture(Document app) {
		String id = app.getString("_id");
		List<Document> licenceDocs = into(licences.getCollection("licenses").find(Filters.eq("applicationId", id)));
		if (licenceDocs.size() != app.getList("cases", Document.class).size()) {
			throw new IllegalStateException("application " + id + " has " + licenceDocs.size() + " licences stored");
		}
		licenceDocs.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
		long from = app.getDate("submittedAt").getTime() - Duration.ofSeconds(30).toMillis();
		long to = app.getDate("concludedAt").getTime() + Duration.ofMinutes(5).toMillis();
		List<Document> events = events(id, from, to);
		Set<String> eventIds = new LinkedHashSet<>();
		Set<String> correlationIds = new LinkedHashSet<>();
		for (Document envelope : events) {
			eventIds.add(envelope.getString("eventId"));
			if (envelope.getString("correlationId") != null) {
				correlationIds.add(envelope.getString("correlationId"));
			}
		}
		List<String> numbers = licenceDocs.stream().map(l -> l.getString("_id")).toList();
		SeedTemplate template = new SeedTemplate(app, licenceDocs,
				into(applications.getCollection("notifications").find(Filters.eq("applicationId", id))),
				into(applications.getCollection("processed_events").find(Filters.in("eventId", eventIds))),
				into(licences.getCollection("processed_events").find(Filters.in("eventId", eventIds))),
				settledDeliveries(eventIds),
				into(licences.getCollection("license_uses").find(Filters.in("licenseNumber", numbers))),
				new ArrayList<>(eventIds), new ArrayList<>(correlationIds));
		progress.report(String.format(
				"seed: template %s: %d events, %d licences, %d notifications, %d + %d processed-event records,"
						+ " %d webhook deliveries, %d licence uses",
				id, eventIds.size(), licenceDocs.size(), template.notifications().size(),
				template.applicationProcessed().size(), template.licenceProcessed().size(),
				template.webhookDeliveries().size(), template.licenceUses().size()));
		return template;
	}

	/**
	 * The webhook deliveries of the template's events once none is pending any more (history holds delivered ones;
	 * a pending clone would be sent, or dead-lettered, by the platform). Waits up to a minute.
	 */
	private List<Document> settledDeliveries(Set<String> eventIds) {
		List<Document> deliveries = List.of();
		for (int attempt = 0; attempt < 20; attempt++) {
			deliveries = into(applications.getCollection("webhook_deliveries").find(Filters.in("eventId", eventIds)));
			if (deliveries.stream().noneMatch(d -> "PENDING".equals(d.getString("status")))) {
				return deliveries;
			}
			try {
				Thread.sleep(3_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		throw new IllegalStateException("webhook deliveries of the template are still pending after a minute");
	}

	/** The envelopes on both topics that concern the application, read between the two moments. */
	List<Document> events(String applicationId, long fromMillis, long toMillis) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
		List<Document> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> times = new HashMap<>();
			partitions.forEach(p -> times.put(p, fromMillis));
			Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, Duration.ofSeconds(10));
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
			Set<TopicPartition> open = new LinkedHashSet<>();
			for (TopicPartition partition : partitions) {
				OffsetAndTimestamp start = starts.get(partition);
				if (start != null && start.offset() < ends.get(partition)) {
					consumer.seek(partition, start.offset());
					open.add(partition);
				}
			}
			consumer.pause(partitions.stream().filter(p -> !open.contains(p)).toList());
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (!open.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.timestamp() > toMillis || record.offset() >= ends.get(partition) - 1) {
						if (open.remove(partition)) {
							consumer.pause(List.of(partition));
						}
					}
					if (record.timestamp() <= toMillis && record.value() != null
							&& record.value().contains(applicationId)) {
						found.add(Document.parse(record.value()));
					}
				}
				open.removeIf(p -> consumer.position(p) >= ends.get(p));
			}
		}
		return found;
	}

	private static List<Document> into(Iterable<Document> docs) {
		List<Document> list = new ArrayList<>();
		docs.forEach(list::add);
		return list;
	}

}
