package org.yiwang.exchange.resource;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The base registries every deployment has (基础库), entered into the catalog once (keyed by code, so restarts and
 * replicas change nothing). DEMO descriptions; the exchange issue adds providers and data.
 */
@Component
class BaseRegistryCatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BaseRegistryCatalogSeeder.class);

	static final List<DataResource> BASE_REGISTRIES = List.of(
			new DataResource("GA-POPULATION", "人口基础信息", "GA", SharingType.CONDITIONAL, "《中华人民共和国居民身份证法》",
					List.of(new DataResource.Field("idNumber", "公民身份号码", "high"),
							new DataResource.Field("name", "姓名", "medium"),
							new DataResource.Field("address", "户籍地址", "high"))),
			new DataResource("SCJG-LEGAL-PERSON", "法人单位基础信息", "SCJG", SharingType.UNCONDITIONAL,
					"《企业信息公示暂行条例》",
					List.of(new DataResource.Field("uscc", "统一社会信用代码", "low"),
							new DataResource.Field("name", "企业名称", "low"),
							new DataResource.Field("legalRepresentative", "法定代表人", "medium"))),
			new DataResource("RSJ-SOCIAL-INSURANCE", "社会保险参保信息", "RSJ", SharingType.CONDITIONAL, "《社会保险法》",
					List.of(new DataResource.Field("idNumber", "公民身份号码", "high"),
							new DataResource.Field("insuredStatus", "参保状态", "medium"))),
			new DataResource("ZJJ-PROPERTY", "不动产登记信息", "ZJJ", SharingType.CONDITIONAL, "《不动产登记暂行条例》",
					List.of(new DataResource.Field("certificateNumber", "不动产权证号", "medium"),
							new DataResource.Field("owner", "权利人", "high"))),
			new DataResource("LICENSE-LIBRARY", "电子证照库", "ZWFW", SharingType.CONDITIONAL,
					"《国务院关于在线政务服务的若干规定》第十条",
					List.of(new DataResource.Field("licenseNumber", "证照编号", "low"),
							new DataResource.Field("holder", "持证主体", "medium"))));

	private final DataResources resources;

	BaseRegistryCatalogSeeder(DataResources resources) {
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) {
		long added = BASE_REGISTRIES.stream().filter(r -> !resources.existsById(r.code())).map(resources::save).count();
		log.info("shared data catalog: {} base registry resources added", added);
	}

}
