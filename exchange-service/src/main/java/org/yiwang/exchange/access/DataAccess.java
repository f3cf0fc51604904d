package org.yiwang.exchange.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.exchange.Departments;
import org.yiwang.exchange.audit.AccessEntry;
import org.yiwang.exchange.audit.AccessRecord;
import org.yiwang.exchange.audit.AccessResult;
import org.yiwang.exchange.audit.AuditLog;
import org.yiwang.exchange.grant.Grant;
import org.yiwang.exchange.grant.GrantDesk;
import org.yiwang.exchange.provider.ProviderGateway;
import org.yiwang.exchange.provider.ProviderUnavailableException;
import org.yiwang.exchange.provider.SubjectNotFoundException;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.DataResources;
import org.yiwang.exchange.resource.SubjectType;
import org.yiwang.exchange.subject.IdNumber;
import org.yiwang.exchange.subject.Masking;
import org.yiwang.exchange.subject.Uscc;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * The one way data leaves the exchange: purpose stated (category and words; an application id for licensing),
 * subject valid, an active grant of the caller's department covering the purpose category, the provider asked for
 * the granted fields only (or its answer reused from the cache where the resource allows it), the answer filtered
 * to them, and every attempt — refused, failed, answered or served from the cache — appended to the audit chain
 * before the caller hears back.
 */
@Service
public class DataAccess {

	private static final Logger log = LoggerFactory.getLogger(DataAccess.class);

	private final DataResources resources;

	private final GrantDesk grants;

	private final ProviderGateway gateway;

	private final AuditLog audit;

	private final PrefillProperties prefill;

	private final AnswerCache cache;

	DataAccess(DataResources resources, GrantDesk grants, ProviderGateway gateway, AuditLog audit,
			PrefillProperties prefill, AnswerCache cache) {
		this.resources = resources;
		this.grants = grants;
		this.gateway = gateway;
		this.audit = audit;
		this.prefill = prefill;
		this.cache = cache;
	}

	public DataAnswer query(CurrentUser user, DataQuery query, String channel) {
		requireConsumer(user, channel);
		if (query.purpose() == null || query.purpose().isBlank()) {
			throw new InvalidRequestException("a purpose is required for every data access", "purpose",
					"must not be blank");
		}
		PurposeCategory category = query.purposeCategory();
		if (category == null) {
			throw new InvalidRequestException("a purpose category is required for every data access",
					"purposeCategory", "must be one of " + List.of(PurposeCategory.values()));
		}
		if (category.requiresApplication() && (query.applicationId() == null || query.applicationId().isBlank())) {
			throw new InvalidRequestException("data for " + category.described() + " is read for one application",
					"applicationId", "must name the application for " + category);
		}
		DataResource resource = resources.findById(query.resourceCode())
			.orElseThrow(() -> new InvalidRequestException("no data resource " + query.resourceCode(),
					"resourceCode", "must be a resource of the catalog"));
		validateSubject(resource, query.subject());
		String masked = Masking.mask(query.subject());
		Grant grant = grants.activeGrant(resource.getCode(), user.department()).orElse(null);
		if (grant == null) {
			String reason = grants.whyNoGrant(resource.getCode(), user.department());
			record(user, query, resource, null, List.of(), query.legalBasis(), channel, AccessResult.NO_GRANT, reason);
			throw new ForbiddenException("department " + user.department() + " may not read " + resource.getCode()
					+ ": " + reason, "resourceCode", "requires an active grant");
		}
		String legalBasis = query.legalBasis() == null || query.legalBasis().isBlank() ? grant.getLegalBasis()
				: query.legalBasis();
		if (!grant.covers(category)) {
			String reason = "grant " + grant.getId() + " covers "
					+ PurposeCategory.described(grant.getGrantedPurposeCategories()) + ", not " + category.described();
			record(user, query, resource, grant, List.of(), legalBasis, channel, AccessResult.PURPOSE_MISMATCH,
					reason);
			throw new PurposeMismatchException("department " + user.department() + " may not read "
					+ resource.getCode() + " for this purpose: " + reason);
		}
		List<String> fields = grant.getGrantedFields();
		var cachedAnswer = cache.lookup(resource, query.subject(), fields);
		if (cachedAnswer.isPresent()) {
			AnswerCache.Entry hit = cachedAnswer.get();
			AccessRecord record = record(user, query, resource, grant, fields, legalBasis, channel,
					AccessResult.GRANTED, "served from cache (fetched from the provider at " + hit.fetchedAt() + ")");
			log.info("{} read {} of {} for {} from the cache (access record {})", user.department(),
					resource.getCode(), masked, category, record.getSeq());
			return answer(resource, masked, fields, hit.data(), grant, query, legalBasis, record, true,
					hit.fetchedAt());
		}
		var providerQuery = new ProviderGateway.ProviderQuery(resource, query.subject(), fields, user.department(),
				query.purpose(), category.name(), query.applicationId());
		Map<String, Object> data;
		try {
			data = gateway.fetch(providerQuery);
		}
		catch (SubjectNotFoundException ex) {
			record(user, query, resource, grant, fields, legalBasis, channel, AccessResult.NOT_FOUND, ex.getMessage());
			throw ex;
		}
		catch (ProviderUnavailableException ex) {
			record(user, query, resource, grant, fields, legalBasis, channel, AccessResult.PROVIDER_UNAVAILABLE,
					ex.getMessage());
			throw ex;
		}
		cache.store(resource, query.subject(), fields, data);
		AccessRecord record = record(user, query, resource, grant, fields, legalBasis, channel, AccessResult.GRANTED,
				null);
		log.info("{} read {} of {} for {} (access record {})", user.department(), resource.getCode(), masked,
				category, record.getSeq());
		return answer(resource, masked, fields, data, grant, query, legalBasis, record, false, record.getAt());
	}

	private static DataAnswer answer(DataResource resource, String masked, List<String> fields,
			Map<String, Object> data, Grant grant, DataQuery query, String legalBasis, AccessRecord record,
			boolean cached, Instant fetchedAt) {
		return new DataAnswer(resource.getCode(), resource.getName(), resource.getProviderDepartment(),
				Departments.name(resource.getProviderDepartment()), masked, fields, data, grant.getId(),
				query.purposeCategory(), query.purpose(), legalBasis, query.applicationId(), record.getAt(),
				record.getSeq(), cached, fetchedAt);
	}

	private AccessRecord record(CurrentUser user, DataQuery query, DataResource resource, Grant grant,
			List<String> fields, String legalBasis, String channel, AccessResult result, String detail) {
		return audit.append(new AccessEntry(user.subject(), user.username(), user.clientId(), user.department(),
				query.subject(), resource.getCode(), resource.getProviderDepartment(), fields, query.purpose(),
				legalBasis, query.applicationId(), grant == null ? null : grant.getId(), channel, result, detail,
				query.purposeCategory()));
	}

	static void validateSubject(DataResource resource, String subject) {
		if (resource.getSubjectType() == SubjectType.ENTERPRISE) {
			new Uscc(subject);
		}
		else {
			new IdNumber(subject);
		}
	}

	/**
	 * Officers and department systems query; for prefill also window clerks at intake and the platform services
	 * named in {@code exchange.prefill.clients} (application-service). Always on behalf of the department in the
	 * token, whose grants apply.
	 */
	void requireConsumer(CurrentUser user, String channel) {
		boolean prefilling = "PREFILL".equals(channel);
		if (prefilling && user.hasRole(CurrentUser.PLATFORM_SERVICE)
				&& !user.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM, CurrentUser.WINDOW_CLERK)) {
			if (!prefill.allows(user.clientId())) {
				throw new ForbiddenException("platform service client " + user.clientId()
						+ " is not allowed to prefill (exchange.prefill.clients)");
			}
			if (user.department() == null) {
				throw new ForbiddenException("a platform service prefills for a consumer department: the token has "
						+ "no department claim");
			}
			return;
		}
		boolean allowed = prefilling
				? user.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM, CurrentUser.WINDOW_CLERK)
				: user.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM);
		if (!allowed || user.department() == null) {
			throw new ForbiddenException("only officers and systems of a consumer department read shared data");
		}
	}

}
