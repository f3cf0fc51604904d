package org.yiwang.exchange.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.exchange.subject.IdNumber;
import org.yiwang.exchange.subject.SyntheticSubjects;
import org.yiwang.exchange.subject.Uscc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO data of the base registries held in the platform: the demo people and enterprises (synthetic, valid
 * numbers), upserted by id so restarts change nothing; and, for load tests, {@code exchange.demo.synthetic-people}
 * generated people (seeded random, so every run produces the same numbers).
 */
@Component
@Order(2)
public class DemoRegistryData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistryData.class);

	private final RegistryRecords records;

	private final int syntheticPeople;

	DemoRegistryData(RegistryRecords records, @Value("${exchange.demo.synthetic-people:0}") int syntheticPeople) {
		this.records = records;
		this.syntheticPeople = syntheticPeople;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<RegistryRecord> demo = new ArrayList<>();
		demo.addAll(person(DemoSubjects.ZHANGSAN, "张三", "男", "广东省深圳市南山区科技园路1号", "深圳市南山区张三餐饮管理有限公司", 96,
				"粤(2021)深圳市不动产权第0012345号", "深圳市南山区粤海街道科苑路8号2栋1203", 89.5));
		demo.addAll(person(DemoSubjects.LISI, "李四", "女", "广东省深圳市福田区深南大道2008号", "深圳市福田区李四科技有限公司", 150,
				"粤(2019)深圳市不动产权第0054321号", "深圳市福田区华强北路1019号3栋701", 120.0));
		demo.addAll(person(DemoSubjects.WANGWU, "王五", "男", "广东省广州市天河区天河路385号", "广州市天河区王五建材商行", 210, null,
				null, 0));
		demo.addAll(person(DemoSubjects.ZHAOLIU, "赵六", "女", "北京市东城区东华门大街9号", null, 0, null, null, 0));
		demo.add(enterprise(DemoSubjects.ZHANGSAN_CATERING, "深圳市南山区张三餐饮管理有限公司", "张三", "深圳市南山区科技园路1号101",
				"2021-04-12"));
		demo.add(enterprise(DemoSubjects.LISI_TECH, "深圳市福田区李四科技有限公司", "李四", "深圳市福田区深南大道2008号18楼",
				"2018-09-03"));
		demo.add(enterprise(DemoSubjects.WANGWU_BUILDING, "广州市天河区王五建材商行", "王五", "广州市天河区天河路385号首层",
				"2015-02-27"));
		records.saveAll(demo);
		if (syntheticPeople > 0) {
			generate(syntheticPeople, 20261125L);
		}
		log.info("base registries: {} demo records, {} synthetic people", demo.size(), syntheticPeople);
	}

	/** Generates {@code count} synthetic people into the population and social insurance registries. */
	public List<IdNumber> generate(int count, long seed) {
		Random random = new Random(seed);
		List<IdNumber> numbers = new ArrayList<>();
		List<RegistryRecord> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			IdNumber number = SyntheticSubjects.idNumber(random);
			numbers.add(number);
			batch.addAll(person(number, "测试人员" + i, random.nextBoolean() ? "男" : "女", "广东省深圳市（合成数据）", "合成数据单位",
					random.nextInt(300), null, null, 0));
			if (batch.size() >= 500) {
				records.saveAll(batch);
				batch.clear();
			}
		}
		records.saveAll(batch);
		return numbers;
	}

	private static List<RegistryRecord> person(IdNumber id, String name, String gender, String address,
			String employer, int monthsPaid, String certificate, String location, double area) {
		String birth = id.value().substring(6, 10) + "-" + id.value().substring(10, 12) + "-"
				+ id.value().substring(12, 14);
		List<RegistryRecord> result = new ArrayList<>();
		result.add(new RegistryRecord(RegistryRecord.id("GA-POPULATION", id.value()), "GA-POPULATION",
				data("idNumber", id.value(), "name", name, "gender", gender, "birthDate", birth, "address", address)));
		if (employer != null) {
			result.add(new RegistryRecord(RegistryRecord.id("RSJ-SOCIAL-INSURANCE", id.value()), "RSJ-SOCIAL-INSURANCE",
					data("idNumber", id.value(), "insuredStatus", "正常参保", "employer", employer, "monthsPaid",
							monthsPaid)));
		}
		if (certificate != null) {
			result.add(new RegistryRecord(RegistryRecord.id("ZJJ-PROPERTY", id.value()), "ZJJ-PROPERTY",
					data("certificateNumber", certificate, "owner", name, "location", location, "area", area)));
		}
		return result;
	}

	private static RegistryRecord enterprise(Uscc uscc, String name, String representative, String address,
			String established) {
		return new RegistryRecord(RegistryRecord.id("SCJG-LEGAL-PERSON", uscc.value()), "SCJG-LEGAL-PERSON",
				data("uscc", uscc.value(), "name", name, "legalRepresentative", representative, "registeredAddress",
						address, "establishedOn", established, "status", "存续（在营、开业、在册）"));
	}

	private static Map<String, Object> data(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
