package org.yiwang.catalog.seed;

import java.util.List;

import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.ItemType;

/**
 * DEMO DATA — plausible but not authoritative: a few handling items of the 开餐馆 (open a restaurant) life event.
 * The catalog issue grows this to the full seed.
 */
final class DemoCatalog {

	record SeedItem(String code, ItemDefinition definition) {
	}

	static final List<SeedItem> ITEMS = List.of(
			new SeedItem("44030000SCJG-XK-0001", new ItemDefinition("食品经营许可（餐饮服务）", ItemType.PERMIT, "SCJG",
					"市场监督管理局", "《中华人民共和国食品安全法》第三十五条", 20, 10, "FOOD_BUSINESS", "食品经营许可证", 5)),
			new SeedItem("44030000SCJG-QR-0001", new ItemDefinition("个体工商户设立登记", ItemType.CONFIRMATION, "SCJG",
					"市场监督管理局", "《促进个体工商户发展条例》第八条", 15, 3, "INDIVIDUAL_BUSINESS", "个体工商户营业执照", 0)),
			new SeedItem("44030000XFJY-XK-0001", new ItemDefinition("公众聚集场所投入使用、营业前消防安全检查", ItemType.PERMIT, "XFJY",
					"消防救援支队", "《中华人民共和国消防法》第十五条", 10, 7, "FIRE_SAFETY", "公众聚集场所投入使用、营业前消防安全检查合格证", 0)),
			new SeedItem("44030000WSJK-XK-0001", new ItemDefinition("公共场所卫生许可", ItemType.PERMIT, "WSJK", "卫生健康委员会",
					"《公共场所卫生管理条例》第八条", 20, 10, "PUBLIC_HYGIENE", "公共场所卫生许可证", 4)));

	private DemoCatalog() {
	}

}
