package org.yiwang.identity.demo;

import java.util.List;

import org.yiwang.identity.enterprise.EnterpriseType;

/**
 * DEMO DATA — 演示数据，仅供演示，不具法律效力. The demo citizens of the realm ({@code deploy/keycloak/gov-realm.json},
 * fixed Keycloak ids), the enterprises they represent and one agent authorisation, so a fresh platform can be
 * walked through as citizen, legal representative and agent without registering anyone first. The numbers are
 * fictitious but pass GB 11643 / GB 32100, like real ones must.
 */
final class DemoIdentities {

	record DemoPerson(String subject, String username, String name, String idNumber, String email) {

		@Override
		public String toString() {
			return "DemoPerson[" + username + "]";
		}

	}

	record DemoEnterprise(String uscc, String name, EnterpriseType type, DemoPerson legalRepresentative) {
	}

	/** The legal representative of {@code enterprise} authorises {@code agent} for every item. */
	record DemoAuthorization(DemoEnterprise enterprise, DemoPerson agent) {
	}

	static final DemoPerson ZHANGSAN = new DemoPerson("5d1c2a9e-7f3b-4c8a-9e01-00000000a001", "zhangsan", "张三",
			"440305199003071236", "zhangsan@demo.yiwang.dev");

	static final DemoPerson LISI = new DemoPerson("5d1c2a9e-7f3b-4c8a-9e01-00000000a002", "lisi", "李四",
			"440304198511212348", "lisi@demo.yiwang.dev");

	static final DemoPerson WANGWU = new DemoPerson("5d1c2a9e-7f3b-4c8a-9e01-00000000a003", "wangwu", "王五",
			"440106197806153450", "wangwu@demo.yiwang.dev");

	static final List<DemoPerson> PERSONS = List.of(ZHANGSAN, LISI, WANGWU);

	static final DemoEnterprise ZHANGSAN_CATERING = new DemoEnterprise("91440305MA5G8K2L7Y", "深圳市南山区张三餐饮管理有限公司",
			EnterpriseType.COMPANY, ZHANGSAN);

	static final List<DemoEnterprise> ENTERPRISES = List.of(ZHANGSAN_CATERING,
			new DemoEnterprise("91440304MA5F3J9N17", "深圳市福田区李四科技有限公司", EnterpriseType.COMPANY, LISI),
			// 92…: registered by market supervision (9) as an individual business (2), 个体工商户
			new DemoEnterprise("92440106MA9X4P7Q29", "广州市天河区王五建材商行", EnterpriseType.INDIVIDUAL_BUSINESS, WANGWU));

	static final List<DemoAuthorization> AUTHORIZATIONS = List.of(new DemoAuthorization(ZHANGSAN_CATERING, WANGWU));

	/** Who the seeded records name as their registrar / verifier. */
	static final String SEEDED_BY = "demo-seed";

	private DemoIdentities() {
	}

}
