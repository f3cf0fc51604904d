package org.yiwang.exchange.access;

import java.util.List;

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
 * The one way data leaves the exchange: purpose stated, subject valid, an active grant of the caller's department,
 * the provider asked for the granted fields only, the answer filtered to them, and every attempt — refused,
 * failed or answered — appended to the audit chain before the caller hears back.
 */
@Service
public class DataAccess {

	private static final Logger log = LoggerFactory.getLogger(DataAccess.class);

	private final DataResources resources;

	private final GrantDesk grants;

	private final ProviderGateway gateway;

	private final AuditLog audit;

	private final PrefillProperties prefill;

	DataAccess(DataResources resources, GrantDesk grants, ProviderGateway gateway, AuditLog audit,
			PrefillProperties prefill) {
		this.resources = resources;
		this.grants = grants;
		this.gateway = gateway;
		this.audit = audit;
		this.prefill = prefill;
	}

	public DataAnswer query(CurrentUser user, DataQuery query, String channel) {
		requireConsumer(user, channel);
		if (query.purpose() == null || query.purpose().isBlank()) {
			throw new InvalidRequestException("a purpose is required for every data access", "purpose",
					"must not be blank");
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
		List<String> fields = grant.getGrantedFields();
		var providerQuery = new ProviderGateway.ProviderQuery(resource, query.subject(), fields, user.department(),
				query.purpose());
		java.util.Map<String, Object> data;
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
		AccessRecord record = record(user, query, resource, grant, fields, legalBasis, channel, AccessResult.GRANTED,
				null);
		log.info("{} read {} of {} for {} (access record {})", user.department(), resource.getCode(), masked,
				query.purpose(), record.getSeq());
		return new DataAnswer(resource.getCode(), resource.getName(), resource.getProviderDepartment(),
				Departments.name(resource.getProviderDepartment()), masked, fields, data, grant.getId(),
				query.purpose(), legalBasis, query.applicationId(), record.getAt(), record.getSeq());
	}

	private AccessRecord record(CurrentUser user, DataQuery query, DataResource resource, Grant grant,
			List<String> fields, String legalBasis, String channel, AccessResult result, String detail) {
		return audit.append(new AccessEntry(user.subject(), user.username(), user.clientId(), user.department(),
				query.subject(), resource.getCode(), resource.getProviderDepartment(), fields, query.purpose(),
				legalBasis, query.applicationId(), grant == null ? null : grant.getId(), channel, result, detail));
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
