package org.yiwang.exchange.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.exchange.Departments;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.DataResources;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Requests and decisions: a consumer department's admin asks, the provider department's admin decides or revokes.
 * Who may do what is checked here; the rules of the grant itself live in {@link Grant}.
 */
@Service
public class GrantDesk {

	private static final Logger log = LoggerFactory.getLogger(GrantDesk.class);

	private static final List<GrantStatus> OPEN = List.of(GrantStatus.REQUESTED, GrantStatus.ACTIVE);

	private final Grants grants;

	private final DataResources resources;

	private final Clock clock;

	GrantDesk(Grants grants, DataResources resources, Clock clock) {
		this.grants = grants;
		this.resources = resources;
		this.clock = clock;
	}

	public Grant request(CurrentUser user, String resourceCode, List<String> fields,
			List<PurposeCategory> purposeCategories, String purpose, String legalBasis, int durationDays) {
		if (!user.hasRole(CurrentUser.DEPT_ADMIN) || !Departments.exists(user.department())) {
			throw new ForbiddenException("only a department admin requests data for their (government) department");
		}
		DataResource resource = resources.findById(resourceCode)
			.orElseThrow(() -> new InvalidRequestException("no data resource " + resourceCode, "resourceCode",
					"must be a resource of the catalog"));
		Instant now = clock.instant();
		boolean open = grants
			.findByResourceCodeAndConsumerDepartmentAndStatusIn(resourceCode, user.department(), OPEN)
			.stream()
			.anyMatch(g -> g.getStatus() == GrantStatus.REQUESTED || g.isActiveAt(now));
		if (open) {
			throw new ConflictException("department " + user.department() + " already has an open request or an "
					+ "active grant for " + resourceCode, "resourceCode", "must not have an open grant");
		}
		return grants.insert(Grant.request(resource, user.department(), fields, purposeCategories, purpose, legalBasis,
				durationDays, user.username(), now));
	}

	public Grant approve(CurrentUser user, String grantId, List<String> fields,
			List<PurposeCategory> purposeCategories, long revision) {
		Grant grant = providerOwned(user, grantId);
		grant.approve(fields, purposeCategories, revision, user.username(), clock.instant());
		return grants.save(grant);
	}

	public Grant deny(CurrentUser user, String grantId, String reason, long revision) {
		Grant grant = providerOwned(user, grantId);
		grant.deny(reason, revision, user.username(), clock.instant());
		return grants.save(grant);
	}

	public Grant revoke(CurrentUser user, String grantId, String reason, long revision) {
		Grant grant = providerOwned(user, grantId);
		grant.revoke(reason, revision, user.username(), clock.instant());
		return grants.save(grant);
	}

	/** Staff of the consumer or provider department, supervisors and platform admins see a grant. */
	public Grant visible(CurrentUser user, String grantId) {
		Grant grant = grants.findById(grantId).orElseThrow(() -> new NotFoundException("no grant " + grantId));
		if (user.hasAnyRole(CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN)
				|| grant.getConsumerDepartment().equals(user.department())
				|| grant.getProviderDepartment().equals(user.department())) {
			return grant;
		}
		throw new ForbiddenException("this grant is between other departments");
	}

	/** The grant that lets the department read the resource now, if any (the latest-expiring one). */
	public Optional<Grant> activeGrant(String resourceCode, String consumerDepartment) {
		Instant now = clock.instant();
		return grants
			.findByResourceCodeAndConsumerDepartmentAndStatusIn(resourceCode, consumerDepartment,
					List.of(GrantStatus.ACTIVE))
			.stream()
			.filter(g -> g.isActiveAt(now))
			.max(Comparator.comparing(Grant::getExpiresAt));
	}

	/** Why the department has no active grant for the resource, in words a consumer can act on. */
	public String whyNoGrant(String resourceCode, String consumerDepartment) {
		Instant now = clock.instant();
		return grants
			.findByResourceCodeAndConsumerDepartmentAndStatusIn(resourceCode, consumerDepartment,
					List.of(GrantStatus.values()))
			.stream()
			.max(Comparator.comparing(Grant::getRequestedAt))
			.map(latest -> switch (latest.getStatus()) {
				case REQUESTED -> "the request " + latest.getId() + " is still awaiting the provider's decision";
				case DENIED -> "the request " + latest.getId() + " was denied: " + latest.getReason();
				case REVOKED -> "grant " + latest.getId() + " was revoked: " + latest.getReason();
				case EXPIRED -> "grant " + latest.getId() + " expired at " + latest.getExpiresAt();
				case ACTIVE -> latest.isActiveAt(now) ? "no active grant"
						: "grant " + latest.getId() + " expired at " + latest.getExpiresAt();
			})
			.orElse("no grant was requested");
	}

	/** Marks grants past their end as expired (publishing {@code exchange.GrantExpired}). */
	@Scheduled(fixedDelayString = "${exchange.grants.expiry-sweep:PT1M}", initialDelayString = "PT30S")
	public int expireDue() {
		Instant now = clock.instant();
		int expired = 0;
		for (Grant grant : grants.findTop100ByStatusAndExpiresAtLessThanEqual(GrantStatus.ACTIVE, now)) {
			if (grant.expireIfDue(now)) {
				try {
					grants.save(grant);
					expired++;
				}
				catch (OptimisticLockingFailureException ex) {
					log.debug("grant {} changed while expiring; next sweep decides", grant.getId());
				}
			}
		}
		return expired;
	}

	private Grant providerOwned(CurrentUser user, String grantId) {
		Grant grant = grants.findById(grantId).orElseThrow(() -> new NotFoundException("no grant " + grantId));
		if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			return grant;
		}
		if (!user.hasRole(CurrentUser.DEPT_ADMIN)) {
			throw new ForbiddenException("only the provider department's admin decides on its data");
		}
		if (!grant.getProviderDepartment().equals(user.department())) {
			throw new ForbiddenException("only the provider department (" + grant.getProviderDepartment()
					+ ") decides on this grant");
		}
		return grant;
	}

}
