package org.yiwang.exchange.resource;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The base registries every deployment has (基础库), entered into the catalog once (keyed by code, so restarts and
 * replicas change nothing). DEMO descriptions. Four are held in the platform (their synthetic data is seeded by
 * {@code DemoRegistryData}); the e-licence library is served by license-service's provider API.
 */
@Component
@Order(1)
class BaseRegistryCatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BaseRegistryCatalogSeeder.class);

	private final DataResources resources;

	private final Clock clock;

	private final String licenseLibraryUrl;

	BaseRegistryCatalogSeeder(DataResources resources, Clock clock,
			@Value("${exchange.license-library-url:${platform.peers.license:http://127.0.0.1:8083}/api/v1/licenses/library}") String licenseLibraryUrl) {
		this.resources = resources;
		this.clock = clock;
		this.licenseLibraryUrl = licenseLibraryUrl;
	}

	static List<Seed> baseRegistries(String licenseLibraryUrl) {
		return List.of(
				new Seed("GA-POPULATION", new ResourceDefinition("人口基础信息", "GA", SubjectType.PERSON,
						SharingType.CONDITIONAL, "《中华人民共和国居民身份证法》", UpdateFrequency.DAILY,
						ServingMode.BASE_REGISTRY, null,
						List.of(new DataResource.Field("idNumber", "公民身份号码", Sensitivity.HIGH),
								new DataResource.Field("name", "姓名", Sensitivity.MEDIUM),
								new DataResource.Field("gender", "性别", Sensitivity.LOW),
								new DataResource.Field("birthDate", "出生日期", "DATE", Sensitivity.MEDIUM),
								new DataResource.Field("address", "户籍地址", Sensitivity.HIGH)))),
				new Seed("SCJG-LEGAL-PERSON", new ResourceDefinition("法人单位基础信息", "SCJG", SubjectType.ENTERPRISE,
						SharingType.UNCONDITIONAL, "《企业信息公示暂行条例》", UpdateFrequency.REAL_TIME,
						ServingMode.BASE_REGISTRY, null,
						List.of(new DataResource.Field("uscc", "统一社会信用代码", Sensitivity.LOW),
								new DataResource.Field("name", "企业名称", Sensitivity.LOW),
								new DataResource.Field("legalRepresentative", "法定代表人", Sensitivity.MEDIUM),
								new DataResource.Field("registeredAddress", "住所", Sensitivity.LOW),
								new DataResource.Field("establishedOn", "成立日期", "DATE", Sensitivity.LOW),
								new DataResource.Field("status", "登记状态", Sensitivity.LOW)))),
				new Seed("RSJ-SOCIAL-INSURANCE", new ResourceDefinition("社会保险参保信息", "RSJ", SubjectType.PERSON,
						SharingType.CONDITIONAL, "《中华人民共和国社会保险法》", UpdateFrequency.MONTHLY,
						ServingMode.BASE_REGISTRY, null,
						List.of(new DataResource.Field("idNumber", "公民身份号码", Sensitivity.HIGH),
								new DataResource.Field("insuredStatus", "参保状态", Sensitivity.MEDIUM),
								new DataResource.Field("employer", "参保单位", Sensitivity.MEDIUM),
								new DataResource.Field("monthsPaid", "累计缴费月数", "NUMBER", Sensitivity.MEDIUM)))),
				new Seed("ZJJ-PROPERTY", new ResourceDefinition("不动产登记信息", "ZJJ", SubjectType.PERSON,
						SharingType.CONDITIONAL, "《不动产登记暂行条例》", UpdateFrequency.DAILY,
						ServingMode.BASE_REGISTRY, null,
						List.of(new DataResource.Field("certificateNumber", "不动产权证号", Sensitivity.MEDIUM),
								new DataResource.Field("owner", "权利人", Sensitivity.HIGH),
								new DataResource.Field("location", "坐落", Sensitivity.HIGH),
								new DataResource.Field("area", "建筑面积（㎡）", "NUMBER", Sensitivity.MEDIUM)))),
				new Seed("LICENSE-LIBRARY", new ResourceDefinition("电子证照库", "ZWFW", SubjectType.ENTERPRISE,
						SharingType.CONDITIONAL, "《国务院关于在线政务服务的若干规定》第十条", UpdateFrequency.REAL_TIME,
						ServingMode.PROVIDER_API, licenseLibraryUrl,
						// the field contract agreed with license-service: the enterprise's licences as one list
						// (licenseNumber, licenseType, licenseName, issuerDepartment, status, issuedOn, validUntil)
						List.of(new DataResource.Field("licenses", "证照列表", "LIST", Sensitivity.MEDIUM),
								new DataResource.Field("validLicenseCount", "证照数量", "NUMBER", Sensitivity.LOW)))));
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		int updated = 0;
		for (Seed seed : baseRegistries(licenseLibraryUrl)) {
			var existing = resources.findById(seed.code());
			if (existing.isPresent() && existing.get().getServingMode() != null) {
				DataResource resource = existing.get();
				if (outdated(resource, seed.definition())) {
					// the platform changed a seeded entry's field contract or the deployment moved its provider API:
					// the entry follows, as a normal update (revision + 1, exchange.ResourceUpdated)
					resource.update(upToDate(resource, seed.definition()), resource.getRevision(), "system",
							clock.instant());
					resources.save(resource);
					updated++;
				}
				continue;
			}
			// an entry from before serving modes existed is replaced by the current description
			existing.ifPresent(resources::delete);
			resources.insert(DataResource.publish(seed.code(), seed.definition(), "system", clock.instant()));
			added++;
		}
		log.info("shared data catalog: {} base registry resources added, {} brought up to date", added, updated);
	}

	/**
	 * Whether a stored seeded entry lags behind the seed: other field names or types, or (provider API) another
	 * URL. Other terms (name, legal basis, sharing type, cache allowance) are the provider admin's to change.
	 */
	static boolean outdated(DataResource stored, ResourceDefinition seed) {
		var storedFields = stored.getFields().stream().map(f -> f.name() + ":" + f.type()).toList();
		var seedFields = seed.fields().stream().map(f -> f.name() + ":" + f.type()).toList();
		return !storedFields.equals(seedFields)
				|| !java.util.Objects.equals(stored.getProviderBaseUrl(), seed.providerBaseUrl());
	}

	/** The seed's fields, subject type, serving mode and URL; the stored entry's other terms. */
	static ResourceDefinition upToDate(DataResource stored, ResourceDefinition seed) {
		boolean cacheable = seed.servingMode() == ServingMode.PROVIDER_API
				&& stored.getUpdateFrequency() != UpdateFrequency.REAL_TIME;
		return new ResourceDefinition(stored.getName(), stored.getProviderDepartment(), seed.subjectType(),
				stored.getSharingType(), stored.getLegalBasis(), stored.getUpdateFrequency(), seed.servingMode(),
				seed.providerBaseUrl(), seed.fields(), cacheable ? stored.getCacheTtl() : 0);
	}

	record Seed(String code, ResourceDefinition definition) {
	}

}
