package org.yiwang.license.license;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.identity.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The holder value object: valid identifiers only, and an ID number never shown in full outside the credential. */
class HolderTests {

	@Provide
	Arbitrary<String> idNumbers() {
		return Arbitraries.integers().between(1, 999).flatMap(seq -> Arbitraries.of("440304", "110105", "310115")
			.map(region -> {
				String first17 = region + "19880214" + String.format("%03d", seq);
				return first17 + IdNumbers.checkCharacter(first17);
			}));
	}

	@Property(tries = 200)
	void aPersonsIdNumberIsMaskedInEveryRenderingButTheIdentifier(@ForAll("idNumbers") String idNumber) {
		Holder holder = Holder.person("subject-1", "张三", idNumber);
		assertThat(holder.identifier()).isEqualTo(idNumber);
		assertThat(holder.identifierMasked()).isEqualTo(IdNumbers.mask(idNumber)).doesNotContain(idNumber);
		assertThat(holder.toString()).doesNotContain(idNumber);
	}

	@Property(tries = 100)
	void aWrongCheckCharacterIsRejectedWithoutEchoingTheNumber(@ForAll("idNumbers") String idNumber) {
		char wrong = idNumber.charAt(17) == '0' ? '1' : '0';
		String broken = idNumber.substring(0, 17) + wrong;
		assertThatThrownBy(() -> Holder.person("s", "张三", broken)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining(broken);
	}

	@Test
	void enterprisesNeedAValidUsccAndKeepTheirAgent() {
		String first17 = "91440300MA5D1E2F3";
		String uscc = first17 + org.yiwang.shared.identity.Usccs.checkCharacter(first17);
		Holder holder = Holder.enterprise(uscc, "深圳市演示餐饮有限公司", "agent-1", "王经办");
		assertThat(holder.identifierMasked()).isEqualTo(uscc);
		assertThat(holder.agentSubject()).isEqualTo("agent-1");
		assertThat(holder.subject()).isEqualTo("agent-1");
		assertThatThrownBy(() -> Holder.enterprise("91440300MA5D1E2F30", "x", "a", "b"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anUnboundPersonIsFlaggedAndNamedBySubject() {
		Holder holder = Holder.unboundPerson("subject-9", "李四");
		assertThat(holder.identityBound()).isFalse();
		assertThat(holder.idType()).isEqualTo(Holder.IdType.PLATFORM_SUBJECT);
		assertThat(holder.identifier()).isEqualTo("subject-9");
	}

}
