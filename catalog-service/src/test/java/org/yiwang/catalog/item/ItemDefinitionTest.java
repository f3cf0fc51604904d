package org.yiwang.catalog.item;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.web.DomainException;
import org.yiwang.shared.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Element validation of the national standard: each violation names its field. */
class ItemDefinitionTest {

	static ItemDefinition with(List<Material> materials, int visits, int onlineDepth, List<Fee> fees) {
		return new ItemDefinition("食品经营许可（测试）", ItemType.PERMIT, ItemLevel.HANDLING, "SCJG", "市场监督管理局", null,
				"《食品安全法》第三十五条", 20, 10, fees, visits, onlineDepth, Set.of(Channel.ONLINE, Channel.WINDOW),
				Set.of(SubjectType.LEGAL_PERSON), null, null, null, null, materials, "FOOD_BUSINESS", "食品经营许可证", 5,
				Set.of(LifeEvent.QUALIFICATION), null, null);
	}

	static String fieldOf(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidRequestException ex) {
			return ((DomainException) ex).field();
		}
		throw new AssertionError("no validation error");
	}

	@Test
	void aValidDefinitionGetsDefaults() {
		ItemDefinition d = with(List.of(Material.upload("PREMISES_PROOF", "场所证明", MaterialForm.COPY, 1)), 0, 4,
				List.of());
		assertThat(d.implementingBody()).isEqualTo("市场监督管理局");
		assertThat(d.free()).isTrue();
		assertThat(d.contacts()).isNotNull();
	}

	@Test
	void promisedDaysCannotExceedLegalDays() {
		assertThat(fieldOf(() -> new ItemDefinition("x", ItemType.PERMIT, "SCJG", "市场监督管理局", "法", 5, 6, null, null,
				0))).isEqualTo("promisedDays");
	}

	@Test
	void materialsAreValidatedBySource() {
		assertThat(fieldOf(() -> with(List.of(new Material("BUSINESS_LICENSE", "营业执照", MaterialForm.ELECTRONIC, 1, true,
				null, null, MaterialSource.E_LICENSE, null, null)), 0, 4, List.of())))
			.isEqualTo("materials[0].licenseType");
		assertThat(fieldOf(() -> with(List.of(new Material("ID", "身份证", MaterialForm.ELECTRONIC, 1, true, null, null,
				MaterialSource.SHARED_DATA, null, "population")), 0, 4, List.of())))
			.isEqualTo("materials[0].dataResource");
		assertThat(fieldOf(() -> with(List.of(Material.upload("LEASE", "租赁合同", MaterialForm.COPY, 1).onlyWhen(" ")), 0,
				4, List.of())))
			.isEqualTo("materials[0].condition");
		assertThat(fieldOf(() -> with(List.of(Material.upload("LEASE", "租赁合同", MaterialForm.COPY, 0)), 0, 4,
				List.of())))
			.isEqualTo("materials[0].count");
		assertThat(fieldOf(() -> with(List.of(Material.upload("LEASE", "租赁合同", MaterialForm.COPY, 1),
				Material.upload("LEASE", "租赁合同副本", MaterialForm.COPY, 1)), 0, 4, List.of())))
			.isEqualTo("materials[1].code");
	}

	@Test
	void handlingElementsAreChecked() {
		assertThat(fieldOf(() -> with(List.of(), 0, 5, List.of()))).isEqualTo("onlineDepth");
		assertThat(fieldOf(() -> with(List.of(), 1, 4, List.of()))).isEqualTo("visits");
		assertThat(fieldOf(() -> with(List.of(), 0, 4, List.of(new Fee("工本费", new BigDecimal("-1"), "依据")))))
			.isEqualTo("fees[0].amount");
		assertThat(fieldOf(() -> with(List.of(), 0, 4, List.of(new Fee("工本费", new BigDecimal("10"), null)))))
			.isEqualTo("fees[0].basis");
	}

	@Test
	void onlyHandlingItemsHaveMaterials() {
		assertThat(fieldOf(() -> new ItemDefinition("药品经营许可", ItemType.PERMIT, ItemLevel.MAIN, "SCJG", "市场监督管理局",
				null, "法", 20, 10, null, 0, 1, null, null, null, null, null, null,
				List.of(Material.upload("X_FORM", "表", MaterialForm.COPY, 1)), null, null, 0, null, null, null)))
			.isEqualTo("materials");
	}

	@Test
	void codesExtendForSubItemsAndHandlingItems() {
		ItemCode handling = new ItemCode("44030000SCJG-XK-0004-001-002");
		assertThat(handling.extensions()).isEqualTo(2);
		assertThat(handling.parent()).contains(new ItemCode("44030000SCJG-XK-0004-001"));
		assertThat(handling.regionCode()).isEqualTo("44030000");
		// the implementation code (实施编码) of a region implements the item code (事项编码) every region shares
		assertThat(handling.basicCode()).isEqualTo("SCJG-XK-0004-001-002");
		assertThat(new ItemCode("620524SCJG-XK-0004-001-002").basicCode()).isEqualTo(handling.basicCode());
		assertThat(handling.admits(ItemLevel.SUB)).isFalse();
		assertThat(new ItemCode("44030000SCJG-XK-0004").admits(ItemLevel.MAIN)).isTrue();
		assertThat(fieldOf(() -> new ItemCode("44030000SCJG-XK-0004-1"))).isEqualTo("itemCode");
		assertThatThrownBy(() -> CatalogItem.draft(new ItemCode("44030000WSJK-XK-0004"), 1,
				with(List.of(), 0, 4, List.of()), java.time.Instant.now()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("department");
	}

	@Test
	void publishedVersionsAreImmutable() {
		CatalogItem item = CatalogItem.draft(new ItemCode("44030000SCJG-XK-0010"), 1, with(List.of(), 0, 4, List.of()),
				java.time.Instant.now());
		item.revise(with(List.of(), 0, 3, List.of()));
		item.publish(java.time.Instant.now());
		assertThatThrownBy(() -> item.revise(with(List.of(), 0, 4, List.of())))
			.isInstanceOf(org.yiwang.shared.web.ConflictException.class)
			.hasMessageContaining("immutable");
		assertThat(item.definition().onlineDepth()).isEqualTo(3);
		assertThat(item.nextDraft(2, java.time.Instant.now()).getStatus()).isEqualTo(ItemStatus.DRAFT);
	}

}
