package org.yiwang.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alias/synonym table (同义词表): what citizens type versus what the catalog calls it. A query containing one
 * term of a group is also run with every other term of the group in its place, at a slightly lower weight —
 * "饭店" finds 开餐馆, "生孩子" finds 新生儿出生. The groups below are the default; platform admins maintain the
 * live table with the taxonomy ({@code /api/v1/catalog/taxonomy}).
 */
public final class Synonyms {

	public static final List<List<String>> DEFAULT_GROUPS = List.of(
			List.of("饭店", "餐馆", "饭馆", "餐厅", "酒楼", "餐饮", "小吃店", "食堂"),
			List.of("开公司", "企业开办", "注册公司", "设立公司", "办公司", "开办企业"),
			List.of("营业执照", "设立登记", "工商登记"), List.of("身份证", "居民身份证"),
			List.of("户口", "户籍", "落户"), List.of("社保", "社会保险"), List.of("医保", "医疗保险", "基本医疗保险"),
			List.of("公积金", "住房公积金"), List.of("生孩子", "新生儿", "出生", "生育", "宝宝"),
			List.of("买房", "购房", "二手房", "房屋交易", "房产过户"), List.of("房产证", "不动产权证书", "不动产登记"),
			List.of("招牌", "广告牌", "门头", "户外广告"), List.of("消防", "消防安全"),
			List.of("环评", "环境影响", "排污"), List.of("退休", "养老", "养老金"), List.of("去世", "死亡", "身后", "丧葬"),
			List.of("结婚", "婚姻登记"), List.of("驾照", "驾驶证"), List.of("车牌", "机动车登记", "上牌"),
			List.of("报税", "纳税", "税务登记"), List.of("发票", "税控"), List.of("失业", "失业保险", "失业金"),
			List.of("找工作", "就业", "求职"), List.of("上学", "入学", "教育"), List.of("注销", "关闭企业", "歇业"),
			List.of("卫生许可", "卫生许可证"), List.of("施工许可", "建筑工程施工许可"));

	public static final Synonyms DEFAULT = new Synonyms(DEFAULT_GROUPS);

	private final List<List<String>> groups;

	public Synonyms(List<List<String>> groups) {
		this.groups = groups.stream().map(List::copyOf).toList();
	}

	public List<List<String>> groups() {
		return groups;
	}

	/** A query variant and its weight (1 for the query as typed). */
	public record Variant(String text, double weight) {
	}

	public List<Variant> variants(String normalizedQuery) {
		Map<String, Double> variants = new LinkedHashMap<>();
		variants.put(normalizedQuery, 1.0);
		for (List<String> group : groups) {
			for (String term : group) {
				if (normalizedQuery.contains(term)) {
					for (String other : group) {
						if (!other.equals(term)) {
							variants.putIfAbsent(normalizedQuery.replace(term, other), 0.9);
						}
					}
				}
			}
		}
		List<Variant> result = new ArrayList<>();
		variants.forEach((text, weight) -> result.add(new Variant(text, weight)));
		return result;
	}

}
