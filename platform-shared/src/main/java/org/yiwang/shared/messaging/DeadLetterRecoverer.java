package org.yiwang.shared.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.events.Topics;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlt} (with Spring Kafka's exception headers) and
 * logs it at ERROR so that operators see it.
 */
public class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	public DeadLetterRecoverer(KafkaOperations<?, ?> template) {
		super(template, (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
		log.error("DEAD-LETTER {}-{}@{} (key {}) -> {}: {}", record.topic(), record.partition(), record.offset(),
				record.key(), Topics.deadLetter(record.topic()), cause.getMessage());
		super.accept(record, exception);
	}

}
