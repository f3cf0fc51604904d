package org.yiwang.application.application;

import java.time.Clock;
import java.time.Instant;

import org.yiwang.application.catalog.PublishedItem;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/** Submitting applications and deciding cases, with the caller's rights checked here, not only at the gateway. */
@Service
public class ApplicationDesk {

	private final Applications applications;

	private final PublishedItems items;

	private final Clock clock;

	ApplicationDesk(Applications applications, PublishedItems items, Clock clock) {
		this.applications = applications;
		this.items = items;
		this.clock = clock;
	}

	public Application submit(CurrentUser applicant, String itemCode) {
		if (!applicant.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)) {
			throw new ForbiddenException("only citizens and enterprise agents submit applications online");
		}
		PublishedItem item = items.findById(itemCode)
			.orElseThrow(() -> new InvalidRequestException("no published item " + itemCode, "itemCode",
					"must be the code of a published catalog item"));
		Application application = Application.submit(new Application.Applicant(applicant.subject(), applicant.name()),
				new Application.ItemSnapshot(item.getItemCode(), item.getItemVersion(), item.getName(),
						item.getDepartmentCode(), item.getDepartmentName(), item.getLicenseType(),
						item.getLicenseName(), item.getLicenseValidityYears()),
				"ONLINE", Instant.now(clock));
		return applications.insert(application);
	}

	public Application ownApplication(CurrentUser user, String applicationId) {
		return applications.findById(applicationId)
			.filter(a -> a.isOwnedBy(user.subject()))
			.orElseThrow(() -> new NotFoundException("no application " + applicationId));
	}

	public Application approve(CurrentUser officer, String caseId) {
		Application application = caseForOfficer(officer, caseId);
		application.approve(caseId, new Application.Officer(officer.subject(), officer.department()),
				Instant.now(clock));
		return applications.save(application);
	}

	public Application deny(CurrentUser officer, String caseId, String reason) {
		Application application = caseForOfficer(officer, caseId);
		application.deny(caseId, new Application.Officer(officer.subject(), officer.department()), reason,
				Instant.now(clock));
		return applications.save(application);
	}

	private Application caseForOfficer(CurrentUser officer, String caseId) {
		if (!officer.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM) || officer.department() == null) {
			throw new ForbiddenException("only officers and department systems decide cases");
		}
		return applications.findByCaseId(caseId)
			.filter(a -> a.caseOf(caseId).getDepartmentCode().equals(officer.department()))
			.orElseThrow(() -> new NotFoundException("no case " + caseId + " in your department"));
	}

}
