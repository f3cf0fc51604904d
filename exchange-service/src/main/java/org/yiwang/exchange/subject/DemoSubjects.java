package org.yiwang.exchange.subject;

/**
 * The demo people and enterprises (DEMO, synthetic: the numbers are valid but belong to nobody) the base
 * registries are seeded with. Who a signed-in caller is comes from identity-service, never from here.
 */
public final class DemoSubjects {

	/** 张三, Shenzhen Nanshan, born 1990-03-07. */
	public static final IdNumber ZHANGSAN = IdNumber.of17("44030519900307123");

	/** 李四, Shenzhen Futian, born 1985-11-21. */
	public static final IdNumber LISI = IdNumber.of17("44030419851121234");

	/** 王五, Guangzhou Tianhe, born 1978-06-15. */
	public static final IdNumber WANGWU = IdNumber.of17("44010619780615345");

	/** 赵六, Beijing Dongcheng, born 2001-01-09. */
	public static final IdNumber ZHAOLIU = IdNumber.of17("11010120010109456");

	/** 深圳市南山区张三餐饮管理有限公司 (张三's restaurant). */
	public static final Uscc ZHANGSAN_CATERING = Uscc.of17("91440305MA5G8K2L7");

	/** 深圳市福田区李四科技有限公司. */
	public static final Uscc LISI_TECH = Uscc.of17("91440304MA5F3J9N1");

	/** 广州市天河区王五建材商行 (individual business). */
	public static final Uscc WANGWU_BUILDING = Uscc.of17("92440106MA9X4P7Q2");

	private DemoSubjects() {
	}

}
