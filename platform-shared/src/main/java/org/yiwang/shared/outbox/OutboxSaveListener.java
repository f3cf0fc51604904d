package org.yiwang.shared.outbox;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Tells the {@link OutboxRelay} about every document saved with events in its outbox, so they are published at
 * once by key instead of being searched for. Runs on the saving thread after the write returned.
 */
public class OutboxSaveListener extends AbstractMongoEventListener<Object> {

	private final OutboxRelay relay;

	public OutboxSaveListener(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Object> event) {
		Document document = event.getDocument();
		if (document != null && document.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()) {
			relay.documentSaved(event.getCollectionName(), document.get("_id"));
		}
	}

}
