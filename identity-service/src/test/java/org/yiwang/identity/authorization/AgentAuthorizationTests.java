package org.yiwang.identity.authorization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AgentAuthorizationTests {

	static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	@Test
	void permitsOnlyTheListedItemsUntilItExpires() {
		AgentAuthorization a = AgentAuthorization.grant("a1", "91350100M000100Y43", "演示公司", "agent", "王五",
				List.of("ITEM-1"), NOW.plus(Duration.ofDays(30)), "rep", NOW);
		assertThat(a.permits("ITEM-1", NOW.plusSeconds(1))).isTrue();
		assertThat(a.permits("ITEM-2", NOW.plusSeconds(1))).isFalse();
		assertThat(a.permits(null, NOW.plusSeconds(1))).isTrue();
		assertThat(a.permits("ITEM-1", NOW.plus(Duration.ofDays(30)))).isFalse();
	}

	@Test
	void noItemsMeansAllItemsAndRevocationEndsItAndRecordsEvents() {
		AgentAuthorization a = AgentAuthorization.grant("a2", "91350100M000100Y43", "演示公司", "agent", "王五", List.of(),
				NOW.plus(Duration.ofDays(1)), "rep", NOW);
		assertThat(a.isAllItems()).isTrue();
		assertThat(a.permits("ANY", NOW)).isTrue();
		a.revoke("rep", NOW.plusSeconds(60));
		assertThat(a.permits("ANY", NOW.plusSeconds(61))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> a.revoke("rep", NOW.plusSeconds(62)));
	}

	@Test
	void anExpiryInThePastOrSelfAuthorisationIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentAuthorization.grant("a3", "u", "n", "agent", "x",
				List.of(), NOW.minusSeconds(1), "rep", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> AgentAuthorization.grant("a4", "u", "n", "rep", "x",
				List.of(), NOW.plusSeconds(100), "rep", NOW));
	}

}
