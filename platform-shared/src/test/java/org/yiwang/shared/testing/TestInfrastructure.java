package org.yiwang.shared.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real infrastructure for a module's tests, started once per test JVM and shared by all its test classes:
 * a KRaft Kafka broker (spring-kafka-test, in-process, random port) and a MongoDB wire server
 * (mongo-java-server, in memory, oplog on). Each module's suite gets its own broker, so suites never see each
 * other's events.
 */
public final class TestInfrastructure {

	private static EmbeddedKafkaKraftBroker kafka;

	private static MongoServer mongo;

	private static String mongoUri;

	private TestInfrastructure() {
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
			broker.brokerProperties(java.util.Map.of("auto.create.topics.enable", "true",
					"group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "3"));
			broker.afterPropertiesSet();
			kafka = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-shutdown"));
		}
		return kafka.getBrokersAsString();
	}

	public static synchronized String mongoUri() {
		if (mongo == null) {
			MemoryBackend backend = new MemoryBackend();
			backend.enableOplog();
			MongoServer server = new MongoServer(backend);
			server.bind("127.0.0.1", 0);
			InetSocketAddress address = server.getLocalAddress();
			mongo = server;
			mongoUri = "mongodb://127.0.0.1:" + address.getPort();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-shutdown"));
		}
		return mongoUri;
	}

	/** Points a Spring test context at the shared broker and wire server, with its own database. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
		registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
		registry.add("spring.mongodb.database", () -> database);
		registry.add("platform.outbox.poll-interval", () -> "50ms");
		// the broker goes down with the JVM, possibly before the contexts close: clients must not wait long for it
		registry.add("spring.kafka.consumer.properties.default.api.timeout.ms", () -> "5000");
		registry.add("spring.kafka.consumer.properties.request.timeout.ms", () -> "5000");
		registry.add("spring.kafka.producer.properties.max.block.ms", () -> "5000");
	}

}
