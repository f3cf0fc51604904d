package org.yiwang.exchange.grant;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.DataResources;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO data: the grants that make 免提交 work out of the box. The government service centre (ZWFW, 政务服务中心)
 * consumes the base registries and the e-licence library for applications made on the platform
 * (application-service fills "shared data" materials as ZWFW), for licensing, confirmation and public services,
 * under the national rules on the integrated online government service platform. Each is requested and approved
 * through the domain (events published as for any grant), recorded as decided by {@code demo-seed}; a restart
 * adds nothing while a grant is open. Enabled with the demo seed ({@code platform.demo.seed}).
 */
@Component
@Order(3)
@ConditionalOnBooleanProperty("platform.demo.seed")
class DemoGrants implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGrants.class);

	static final String CONSUMER = "ZWFW";

	static final List<String> RESOURCES = List.of("GA-POPULATION", "SCJG-LEGAL-PERSON", "RSJ-SOCIAL-INSURANCE",
			"ZJJ-PROPERTY", "LICENSE-LIBRARY");

	static final List<PurposeCategory> PURPOSES = List.of(PurposeCategory.ADMINISTRATIVE_LICENSING,
			PurposeCategory.ADMINISTRATIVE_CONFIRMATION, PurposeCategory.PUBLIC_SERVICE);

	static final String LEGAL_BASIS = "《国务院关于在线政务服务的若干规定》第十条；《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）";

	private final Grants grants;

	private final DataResources resources;

	private final Clock clock;

	DemoGrants(Grants grants, DataResources resources, Clock clock) {
		this.grants = grants;
		this.resources = resources;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		for (String code : RESOURCES) {
			DataResource resource = resources.findById(code).orElse(null);
			if (resource == null || hasOpenGrant(code)) {
				continue;
			}
			Grant grant = grants.insert(Grant.request(resource, CONSUMER, resource.fieldNames(), PURPOSES,
					"一网通办免提交：为申请人自动获取办事材料（演示授权）", LEGAL_BASIS, Grant.MAX_DURATION_DAYS, "demo-seed",
					clock.instant()));
			if (grant.getStatus() == GrantStatus.REQUESTED) {
				grant.approve(null, null, grant.getRevision(), "demo-seed", clock.instant());
				grants.save(grant);
			}
			added++;
		}
		log.info("Demo grants for {}: {} added", CONSUMER, added);
	}

	private boolean hasOpenGrant(String code) {
		return grants
			.findByResourceCodeAndConsumerDepartmentAndStatusIn(code, CONSUMER,
					List.of(GrantStatus.REQUESTED, GrantStatus.ACTIVE))
			.stream()
			.anyMatch(g -> g.getStatus() == GrantStatus.REQUESTED || g.isActiveAt(clock.instant()));
	}

}
