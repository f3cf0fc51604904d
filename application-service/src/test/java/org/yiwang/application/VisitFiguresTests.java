package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Applications;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 跑动次数 in the supervision figures: an application made online costs the applicant no visit, one made at a
 * window (一窗受理) one; the figures show visits per case and the share of cases that needed none (一次不用跑).
 */
class VisitFiguresTests extends ServiceTestSupport {

	/** a department of its own, so other tests' cases do not move the figures */
	static final String DEPT = "TSTV";

	static final String ITEM = "44030000TSTV-XK-0001";

	@BeforeAll
	static void itemPublished() {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), ITEM, "test-corr", null, "test",
				EventCodec.toMap(new ItemPublished(ITEM, 1, "跑动次数测试事项", DEPT, "测试局", 5, 10, null, null, 0))));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	@Autowired
	Applications applications;

	String caseOf(String body) {
		String id = JsonPath.read(body, "$.id");
		return applications.findById(id).orElseThrow().getCases().get(0).getCaseId();
	}

	@Test
	void onlineApplicationsNeedNoVisitWindowApplicationsOne() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		var officer = TestJwts.officer("officer-tstv", DEPT);
		// the window applicant is a person identity-service knows
		org.yiwang.application.material.PeerStub.get()
			.on("POST /api/v1/identity/subject-resolutions", call -> org.yiwang.application.material.PeerStub.Answer
				.json("{\"subject\":\"visit-window\",\"name\":\"窗口申请人\",\"idNumber\":\"440305199003071236\"}"));
		String online = mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen("visit-online"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.visits").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String window = mvc
			.perform(post("/api/v1/applications/window-submissions").with(TestJwts.user("clerk-zwfw", "ZWFW", "window-clerk"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"subject\":\"visit-window\",\"name\":\"窗口申请人\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.visits").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String body : new String[] { online, window }) {
			mvc.perform(post("/api/v1/cases/" + caseOf(body) + "/approve").with(officer)).andExpect(status().isOk());
		}
		mvc.perform(get("/api/v1/supervision/figures?department=" + DEPT)
			.with(TestJwts.user("supervisor-1", null, "supervisor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].itemCode").value(ITEM))
			.andExpect(jsonPath("$[0].concludedCases").value(2))
			.andExpect(jsonPath("$[0].visitsPerCase").value(0.5))
			.andExpect(jsonPath("$[0].zeroVisitRate").value(0.5));
	}

}
