package org.yiwang.exchange;

import java.util.Map;

/**
 * The department codes the platform knows (from the realm's {@code department} claim). A catalog entry or a grant
 * names only these, so a typo cannot create a department nobody administers.
 */
public final class Departments {

	public static final Map<String, String> NAMES = Map.ofEntries(Map.entry("SCJG", "市场监督管理局"),
			Map.entry("WSJK", "卫生健康委员会"), Map.entry("XFJY", "消防救援支队"), Map.entry("STHJ", "生态环境局"),
			Map.entry("CSGL", "城市管理局"), Map.entry("GA", "公安局"), Map.entry("RSJ", "人力资源和社会保障局"),
			Map.entry("YBJ", "医疗保障局"), Map.entry("ZJJ", "住房和城乡建设局"), Map.entry("SWJ", "税务局"),
			Map.entry("ZWFW", "政务服务中心"));

	private Departments() {
	}

	public static boolean exists(String code) {
		return code != null && NAMES.containsKey(code);
	}

	public static String name(String code) {
		return NAMES.getOrDefault(code, code);
	}

}
