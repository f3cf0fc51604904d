package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.license.type.LicenseTypes;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.ProcessedEvents;
import org.yiwang.shared.testing.EventProbe;

import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** license-service learns licence types from {@code catalog.ItemPublished}; a late older version changes nothing. */
class LicenseTypeTests extends LicenseTestSupport {

	@Autowired
	LicenseTypes types;

	@Autowired
	ProcessedEvents processed;

	static EventEnvelope published(String itemCode, int version, String name, int years) {
		return new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1, Instant.now(), itemCode, null,
				null, "catalog-service", EventCodec.toMap(new ItemPublished(itemCode, version, "户外招牌设置审批", "CSGL",
						"城市管理局", 5, 20, "OUTDOOR_SIGN", name, years)));
	}

	@Test
	void publishedItemsDefineLicenceTypesNewestVersionWins() throws Exception {
		EventProbe.send(Topics.CATALOG, published("44030000CSGL-XK-0007", 2, "户外招牌设置许可证", 3));
		EventProbe.send(Topics.CATALOG, published("44030000CSGL-XK-0007", 1, "旧名称", 1));
		// an item without a licence defines nothing; sent last on the same key, it marks the end of processing
		EventEnvelope last = new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1, Instant.now(),
				"44030000CSGL-XK-0007", null, null, "catalog-service", EventCodec.toMap(new ItemPublished(
						"44030000CSGL-XK-0007", 3, "户外招牌设置审批", "CSGL", "城市管理局", 5, 20, null, null, 0)));
		EventProbe.send(Topics.CATALOG, last);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> processed.contains("license-service.catalog", last.eventId()));
		mvc.perform(get("/api/v1/licenses/types/OUTDOOR_SIGN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("户外招牌设置许可证"))
			.andExpect(jsonPath("$.validityYears").value(3))
			.andExpect(jsonPath("$.issuingDepartment").value("CSGL"));
		mvc.perform(get("/api/v1/licenses/types")).andExpect(jsonPath("$[?(@.code == 'OUTDOOR_SIGN')]").exists());
		mvc.perform(get("/api/v1/licenses/types/NO_SUCH_TYPE")).andExpect(status().isNotFound());
	}

}
