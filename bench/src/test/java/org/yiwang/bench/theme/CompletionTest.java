package org.yiwang.bench.theme;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTest {

	private static final long T0 = 1_000_000_000L;

	private static long at(long millis) {
		return T0 + TimeUnit.MILLISECONDS.toNanos(millis);
	}

	@Test
	void anApplicationCompletesWhenEveryCaseHasALicenceAndItsLatencyEndsAtTheLastOne() {
		Completion completion = new Completion();
		completion.submitted("APP-1", List.of("C1", "C2", "C3"), at(0));
		completion.licenceIssued("e1", "C1", at(100));
		completion.licenceIssued("e3", "C3", at(250));
		assertThat(completion.completed()).isZero();
		completion.licenceIssued("e2", "C2", at(400));
		assertThat(completion.completed()).isEqualTo(1);
		assertThat(completion.latencyMillis().getMaxValue()).isEqualTo(400);
		assertThat(completion.lastCompletedNanos()).isEqualTo(at(400));
		assertThat(completion.unfinished()).isEmpty();
		assertThat(completion.duplicates()).isZero();
	}

	@Test
	void aSecondLicenceEventWithAnotherIdForTheSameCaseIsADuplicateTheSameEventAgainIsARedelivery() {
		Completion completion = new Completion();
		completion.submitted("APP-1", List.of("C1"), at(0));
		completion.licenceIssued("e1", "C1", at(10));
		completion.licenceIssued("e1", "C1", at(20));
		assertThat(completion.duplicates()).isZero();
		assertThat(completion.redeliveries()).isEqualTo(1);
		completion.licenceIssued("e9", "C1", at(30));
		assertThat(completion.duplicates()).isEqualTo(1);
		assertThat(completion.completed()).isEqualTo(1);
		assertThat(completion.latencyMillis().getTotalCount()).isEqualTo(1);
		assertThat(completion.latencyMillis().getMaxValue()).isEqualTo(10);
	}

	@Test
	void licencesSeenBeforeTheSubmissionWasAnsweredCountWhenItIs() {
		Completion completion = new Completion();
		completion.licenceIssued("e1", "C1", at(50));
		completion.licenceIssued("e1", "C1", at(55));
		completion.licenceIssued("e2", "C1", at(60));
		completion.licenceIssued("e3", "C2", at(70));
		assertThat(completion.completed()).isZero();
		completion.submitted("APP-1", List.of("C1", "C2"), at(0));
		assertThat(completion.completed()).isEqualTo(1);
		assertThat(completion.latencyMillis().getMaxValue()).isEqualTo(70);
		assertThat(completion.duplicates()).isEqualTo(1);
		assertThat(completion.redeliveries()).isEqualTo(1);
	}

	@Test
	void licencesOfOtherApplicationsAreNotCounted() {
		Completion completion = new Completion();
		completion.submitted("APP-1", List.of("C1"), at(0));
		completion.licenceIssued("x1", "OTHER", at(5));
		completion.licenceIssued("x2", "OTHER", at(6));
		assertThat(completion.completed()).isZero();
		assertThat(completion.duplicates()).isZero();
		assertThat(completion.isTracked("OTHER")).isFalse();
	}

	@Test
	void unfinishedApplicationsNameTheCasesWithoutALicence() {
		Completion completion = new Completion();
		completion.submitted("APP-1", List.of("C1", "C2", "C3"), at(0));
		completion.submitted("APP-2", List.of("D1"), at(1));
		completion.licenceIssued("e1", "C1", at(5));
		completion.licenceIssued("e2", "D1", at(6));
		assertThat(completion.unfinished())
			.containsExactly(new Completion.Unfinished("APP-1", List.of("C2", "C3")));
		assertThat(completion.submitted()).isEqualTo(2);
		assertThat(completion.completed()).isEqualTo(1);
	}

	@Test
	void aRepeatedRegistrationChangesNothing() {
		Completion completion = new Completion();
		completion.submitted("APP-1", List.of("C1"), at(0));
		completion.licenceIssued("e1", "C1", at(5));
		completion.submitted("APP-1", List.of("C1"), at(0));
		assertThat(completion.submitted()).isEqualTo(1);
		assertThat(completion.completed()).isEqualTo(1);
		assertThat(completion.latencyMillis().getTotalCount()).isEqualTo(1);
	}

}
