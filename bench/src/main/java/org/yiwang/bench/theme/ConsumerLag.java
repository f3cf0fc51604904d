package org.yiwang.bench.theme;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the platform's consumer groups: per group, the sum over its partitions of end offset minus
 * committed offset. Every group the broker knows counts except the bench's own ({@code bench-*}); the platform's
 * are {@code application-service}, {@code application-service.webhooks}, {@code application-service.notifications}
 * and {@code license-service} (see the services' {@code @KafkaListener}s).
 */
final class ConsumerLag implements AutoCloseable {

	static final String BENCH_GROUP_PREFIX = "bench-";

	private final Admin admin;

	ConsumerLag(String bootstrap) {
		Properties props = new Properties();
		props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Loopback.bootstrap(bootstrap));
		props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
		props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
		this.admin = Admin.create(props);
	}

	/** Lag per platform consumer group now (sorted by group id). */
	Map<String, Long> sample() throws Exception {
		Set<String> groups = new HashSet<>();
		for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
			if (!listing.groupId().startsWith(BENCH_GROUP_PREFIX)) {
				groups.add(listing.groupId());
			}
		}
		Map<String, Long> lag = new TreeMap<>();
		if (groups.isEmpty()) {
			return lag;
		}
		Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
		groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(specs)
			.all()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
				: admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
		for (String group : groups) {
			long sum = 0;
			for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.getOrDefault(group, Map.of()).entrySet()) {
				ListOffsetsResult.ListOffsetsResultInfo end = ends.get(entry.getKey());
				if (end != null && entry.getValue() != null) {
					sum += Math.max(0, end.offset() - entry.getValue().offset());
				}
			}
			lag.put(group, sum);
		}
		return lag;
	}

	@Override
	public void close() {
		admin.close();
	}

}
