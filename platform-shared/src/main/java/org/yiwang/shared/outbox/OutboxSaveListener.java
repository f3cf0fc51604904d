package org.yiwang.shared.outbox;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Keeps the outbox marker ({@link OutboxRelay#MARKER}) in every document saved or inserted through Spring Data:
 * present while the outbox has events, absent otherwise, written with the document itself. After the write it
 * tells the {@link OutboxRelay} about every document saved with events in its outbox, so they are published at once
 * by key instead of being searched for. Runs on the saving thread.
 */
public class OutboxSaveListener extends AbstractMongoEventListener<Object> {

	private final OutboxRelay relay;

	public OutboxSaveListener(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public void onBeforeSave(BeforeSaveEvent<Object> event) {
		Document document = event.getDocument();
		if (document == null) {
			return;
		}
		String marker = document.get("outbox") instanceof List<?> outbox
				? OutboxRelay.marker(document.get("_id"), outbox) : null;
		if (marker != null) {
			document.put(OutboxRelay.MARKER, marker);
		}
		else {
			document.remove(OutboxRelay.MARKER);
		}
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Object> event) {
		Document document = event.getDocument();
		if (document != null && document.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()) {
			relay.documentSaved(event.getCollectionName(), document.get("_id"));
		}
	}

}
