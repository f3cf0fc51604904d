package org.yiwang.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowablePeerTest {

	@TempDir
	Path directory;

	@Test
	void everyApplicationEndsWithThreeLicencesAndWsjkWaitsForScjg() {
		try (FlowablePeer peer = FlowablePeer.open(directory.resolve("db"), 2)) {
			FlowablePeer.Run run = peer.drive(5, 2, true, line -> {
			});
			FlowablePeer.Check check = peer.check();

			assertThat(run.failed()).isZero();
			assertThat(run.liveViolations()).isZero();
			assertThat(check.started()).isEqualTo(5);
			assertThat(check.finished()).isEqualTo(5);
			assertThat(check.completed()).isEqualTo(5);
			assertThat(check.incomplete()).isZero();
			assertThat(check.orderingViolations()).isZero();
			assertThat(peer.licencesByInstance()).hasSize(5).allSatisfy((instance, count) -> assertThat(count).isEqualTo(3));
			assertThat(peer.licenceNumbers()).hasSize(15).doesNotHaveDuplicates().allMatch(LicenceNumbers::valid);
		}
	}

	@Test
	void wsjkTaskAppearsOnlyOnceScjgIsCompleted() {
		try (FlowablePeer peer = FlowablePeer.open(directory.resolve("db"), 1)) {
			var runtime = peer.engine().getRuntimeService();
			var tasks = peer.engine().getTaskService();
			String instance = runtime
				.startProcessInstanceByKey(FlowablePeer.PROCESS_KEY, Map.of("applicant", "someone"))
				.getId();

			assertThat(openTaskGroups(peer, instance)).containsExactlyInAnyOrder("SCJG", "XFJY");

			Task xfjy = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("XFJY").singleResult();
			tasks.complete(xfjy.getId());
			assertThat(peer.openTasks(instance, "WSJK")).isZero();

			Task scjg = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("SCJG").singleResult();
			tasks.complete(scjg.getId());
			assertThat(peer.openTasks(instance, "WSJK")).isOne();
			assertThat(runtime.getVariable(instance, "licence_SCJG")).asString().startsWith("YYZZ-SCJG-");
			assertThat(runtime.getVariable(instance, "licence_XFJY")).asString().startsWith("XFAQ-XFJY-");
		}
	}

	@Test
	void measuredRunReportsGrowthAndCorrectness() {
		PeerResult result = FlowablePeer.measure(directory.resolve("measured"), 4, 1, line -> {
		});

		assertThat(result.completed()).isEqualTo(4);
		assertThat(result.failed()).isZero();
		assertThat(result.incomplete()).isZero();
		assertThat(result.licences()).isEqualTo(12);
		assertThat(result.orderingViolations()).isZero();
		assertThat(result.latency().count()).isEqualTo(4);
		assertThat(result.databaseBytes()).isNotNegative();
	}

	@Test
	void licenceNumbersCarryTheirCheckCharacter() {
		String number = LicenceNumbers.number("SPJY", "WSJK", 2026, 42);

		assertThat(number).startsWith("SPJY-WSJK-2026-000042-");
		assertThat(LicenceNumbers.valid(number)).isTrue();
		assertThat(LicenceNumbers.valid(number.replace("000042", "000043"))).isFalse();
	}

	private static List<String> openTaskGroups(FlowablePeer peer, String instance) {
		List<String> groups = new ArrayList<>();
		for (String group : List.of("SCJG", "WSJK", "XFJY")) {
			if (peer.openTasks(instance, group) > 0) {
				groups.add(group);
			}
		}
		return groups;
	}

}
