package org.yiwang.bench.theme;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code license.events} as one more consumer (its own group, {@code bench-<uuid>}, starting at the
 * latest offsets) and hands every {@code license.LicenseIssued} to the sink. {@link #start} returns only once
 * the group has its partitions and their positions, so nothing published after it is missed. The group is deleted
 * on close.
 */
final class LicenceFeed implements AutoCloseable {

	static final String TOPIC = "license.events";

	static final String LICENSE_ISSUED = "license.LicenseIssued";

	/** One {@code license.LicenseIssued}: envelope event id and the payload's case and application. */
	record Issued(String eventId, String caseId, String applicationId, String licenseNumber, long seenNanos) {
	}

	final LongAdder records = new LongAdder();

	final LongAdder unreadable = new LongAdder();

	private final String bootstrap;

	private final String group = "bench-" + UUID.randomUUID();

	private final Consumer<Issued> sink;

	private final CountDownLatch assigned = new CountDownLatch(1);

	private volatile boolean running = true;

	private volatile KafkaConsumer<String, String> consumer;

	private volatile RuntimeException failure;

	private Thread thread;

	LicenceFeed(String bootstrap, Consumer<Issued> sink) {
		this.bootstrap = Loopback.bootstrap(bootstrap);
		this.sink = sink;
	}

	String group() {
		return group;
	}

	void start(Duration timeout) {
		thread = new Thread(this::run, "bench-licence-feed");
		thread.setDaemon(true);
		thread.start();
		try {
			if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("no partitions of " + TOPIC + " assigned to " + group + " within "
						+ timeout + (failure != null ? ": " + failure : ""));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		if (failure != null) {
			throw failure;
		}
	}

	private void run() {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
		try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props)) {
			consumer = kafka;
			kafka.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {

				@Override
				public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
				}

				@Override
				public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
					// resolve "latest" now, so the position is fixed before the first submission
					partitions.forEach(kafka::position);
					if (!partitions.isEmpty()) {
						assigned.countDown();
					}
				}

			});
			while (running) {
				for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
					records.increment();
					handle(record.value());
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (RuntimeException ex) {
			failure = ex;
			assigned.countDown();
		}
	}

	private void handle(String value) {
		long seen = System.nanoTime();
		JsonNode envelope;
		try {
			envelope = Json.read(value);
		}
		catch (RuntimeException ex) {
			unreadable.increment();
			return;
		}
		if (!LICENSE_ISSUED.equals(Json.text(envelope, "type"))) {
			return;
		}
		JsonNode payload = envelope.path("payload");
		sink.accept(new Issued(Json.text(envelope, "eventId"), Json.text(payload, "caseId"),
				Json.text(payload, "applicationId"), Json.text(payload, "licenseNumber"), seen));
	}

	@Override
	public void close() {
		running = false;
		KafkaConsumer<String, String> kafka = consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Properties props = new Properties();
		props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (Admin admin = Admin.create(props)) {
			admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// best effort: an empty group expires on its own
		}
	}

}
