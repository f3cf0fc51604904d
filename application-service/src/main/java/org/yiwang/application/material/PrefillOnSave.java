package org.yiwang.application.material;

import org.yiwang.application.application.Application;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/** Hands every saved application to the prefiller, which attempts those still waiting for shared data. */
@Component
class PrefillOnSave extends AbstractMongoEventListener<Application> {

	private final SharedDataPrefiller prefiller;

	PrefillOnSave(SharedDataPrefiller prefiller) {
		this.prefiller = prefiller;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Application> event) {
		prefiller.saved(event.getSource());
	}

}
