package org.yiwang.exchange.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.yiwang.exchange.Departments;
import org.yiwang.exchange.provider.ProviderUnavailableException;
import org.yiwang.exchange.provider.SubjectNotFoundException;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.DataResources;
import org.yiwang.exchange.subject.IdNumber;
import org.yiwang.exchange.subject.InvalidSubjectException;
import org.yiwang.exchange.subject.Masking;
import org.yiwang.exchange.subject.Uscc;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.DomainException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * Once-only (一次不跑 / 免提交): instead of asking the applicant to upload what the government already holds,
 * application-service asks the exchange to fill an application's "shared data" materials. Each resource is read
 * like a query (grant, purpose — always {@code ADMINISTRATIVE_LICENSING} — audit with the application id) and
 * answered on its own: one provider being down
 * does not spoil the others, but a resource either comes complete (its granted fields) or not at all. Each item
 * says what was used and from whom, so the applicant can see it.
 */
@Service
public class Prefill {

	/** Prefill serves an application for a licence or permit, so it reads for this purpose category only. */
	public static final PurposeCategory CATEGORY = PurposeCategory.ADMINISTRATIVE_LICENSING;

	/**
	 * Per resource: FILLED, or why not. Callers treat every status but FILLED as "ask for an upload"; more may be
	 * added.
	 */
	public enum ItemStatus {

		FILLED, NO_GRANT, PURPOSE_MISMATCH, NOT_FOUND, PROVIDER_UNAVAILABLE, SUBJECT_TYPE_MISMATCH

	}

	public record PrefillItem(String resourceCode, String resourceName, String providerDepartment,
			String providerDepartmentName, ItemStatus status, List<String> fields, Map<String, Object> data,
			String grantId, Instant retrievedAt, Long accessRecordSeq, String detail, boolean cached) {
	}

	public record PrefillResult(String applicationId, String subjectMasked, String consumerDepartment,
			String purpose, List<PrefillItem> items, PurposeCategory purposeCategory) {
	}

	private final DataAccess access;

	private final DataResources resources;

	Prefill(DataAccess access, DataResources resources) {
		this.access = access;
		this.resources = resources;
	}

	public PrefillResult fill(CurrentUser user, String applicationId, String subject, List<String> resourceCodes,
			String purpose) {
		access.requireConsumer(user, "PREFILL");
		if (!IdNumber.isValid(subject) && !Uscc.isValid(subject)) {
			throw new InvalidSubjectException("must be a valid ID number or unified social credit code");
		}
		List<DataResource> wanted = new ArrayList<>();
		for (String code : new LinkedHashSet<>(resourceCodes)) {
			wanted.add(resources.findById(code)
				.orElseThrow(() -> new InvalidRequestException("no data resource " + code, "resourceCodes",
						"must be resources of the catalog")));
		}
		List<PrefillItem> items = new ArrayList<>();
		for (DataResource resource : wanted) {
			items.add(fillOne(user, applicationId, subject, purpose, resource));
		}
		return new PrefillResult(applicationId, Masking.mask(subject), user.department(), purpose, items, CATEGORY);
	}

	private PrefillItem fillOne(CurrentUser user, String applicationId, String subject, String purpose,
			DataResource resource) {
		try {
			DataAccess.validateSubject(resource, subject);
		}
		catch (InvalidSubjectException ex) {
			return failed(resource, ItemStatus.SUBJECT_TYPE_MISMATCH,
					"resource is about " + resource.getSubjectType() + " subjects");
		}
		try {
			DataAnswer answer = access.query(user, new DataQuery(resource.getCode(), subject, CATEGORY, purpose,
					applicationId, null), "PREFILL");
			return new PrefillItem(resource.getCode(), resource.getName(), resource.getProviderDepartment(),
					Departments.name(resource.getProviderDepartment()), ItemStatus.FILLED, answer.fields(),
					answer.data(), answer.grantId(), answer.retrievedAt(), answer.accessRecordSeq(), null,
					answer.cached());
		}
		catch (PurposeMismatchException ex) {
			return failed(resource, ItemStatus.PURPOSE_MISMATCH, ex.getMessage());
		}
		catch (ForbiddenException ex) {
			return failed(resource, ItemStatus.NO_GRANT, ex.getMessage());
		}
		catch (SubjectNotFoundException ex) {
			return failed(resource, ItemStatus.NOT_FOUND, ex.getMessage());
		}
		catch (ProviderUnavailableException ex) {
			return failed(resource, ItemStatus.PROVIDER_UNAVAILABLE, ex.getMessage());
		}
		catch (DomainException ex) {
			throw ex;
		}
	}

	private static PrefillItem failed(DataResource resource, ItemStatus status, String detail) {
		return new PrefillItem(resource.getCode(), resource.getName(), resource.getProviderDepartment(),
				Departments.name(resource.getProviderDepartment()), status, List.of(), Map.of(), null, null, null,
				detail, false);
	}

}
