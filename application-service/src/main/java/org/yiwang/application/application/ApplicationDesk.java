package org.yiwang.application.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.yiwang.application.agent.AgentAuthorisations;
import org.yiwang.application.agent.LegalRepresentatives;
import org.yiwang.application.calendar.WorkingCalendars;
import org.yiwang.application.catalog.PublishedItem;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.application.catalog.PublishedTheme;
import org.yiwang.application.catalog.PublishedThemes;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Submitting applications and moving cases through their lifecycle, with the caller's rights checked here, not
 * only at the gateway: applicants act on their own applications, officers and department systems on their
 * department's cases. The aggregate applies the lifecycle rules; a concurrent change is a 409 on save.
 */
@Service
public class ApplicationDesk {

	/** 好差评 rectification is due within 15 working days. */
	public static final int RECTIFICATION_WORKING_DAYS = 15;

	private final Applications applications;

	private final PublishedItems items;

	private final PublishedThemes themes;

	private final WorkingCalendars calendars;

	private final AgentAuthorisations agents;

	private final LegalRepresentatives representatives;

	private final Clock clock;

	ApplicationDesk(Applications applications, PublishedItems items, PublishedThemes themes,
			WorkingCalendars calendars, AgentAuthorisations agents, LegalRepresentatives representatives, Clock clock) {
		this.themes = themes;
		this.representatives = representatives;
		this.applications = applications;
		this.items = items;
		this.calendars = calendars;
		this.agents = agents;
		this.clock = clock;
	}

	public Application submit(CurrentUser applicant, String itemCode) {
		return submit(applicant, null, List.of(itemCode), List.of(), "itemCode");
	}

	/**
	 * One application for several items (a theme plan): every code must be a published item; the order
	 * constraints are checked by the aggregate (listed items, no cycle). Nothing is stored when any check fails.
	 */
	public Application submit(CurrentUser applicant, String themeCode, List<String> itemCodes,
			List<Application.OrderConstraint> order, String field) {
		return submit(applicant, null, themeCode, itemCodes, order, field);
	}

	/**
	 * Submits for the caller, or, at a window (一窗受理), a clerk submits for the applicant standing in front of
	 * them: same backend, channel WINDOW, the clerk recorded as submitter. The applicant's identity is checked at
	 * the window (ID card); verifying the subject against identity-service is a port not wired yet.
	 * @param onBehalfOf the applicant when the caller is a window clerk, else null
	 */
	public Application submit(CurrentUser caller, Application.Applicant onBehalfOf, String themeCode,
			List<String> itemCodes, List<Application.OrderConstraint> order, String field) {
		return submit(caller, onBehalfOf, themeCode, Map.of(), itemCodes, order, field);
	}

	/**
	 * Submits, under a theme bound to its published plan for {@code answers} (see {@link ThemeBinding}); without a
	 * theme the items are taken as listed and {@code answers} must be empty.
	 */
	public Application submit(CurrentUser caller, Application.Applicant onBehalfOf, String themeCode,
			Map<String, Object> answers, List<String> itemCodes, List<Application.OrderConstraint> order, String field) {
		return applications.insert(build(caller, onBehalfOf, themeCode, answers, itemCodes, order, field));
	}

	/**
	 * An enterprise agent applies in the enterprise's name: only under an active authorisation of its legal
	 * representative that covers every item (identity-service grants it; a revocation takes effect here as soon as
	 * its event arrives). The application then belongs to the enterprise: every agent it authorises follows it.
	 */
	public Application submitForEnterprise(CurrentUser caller, String uscc, String themeCode, List<String> itemCodes,
			List<Application.OrderConstraint> order, String field) {
		return submitForEnterprise(caller, uscc, themeCode, Map.of(), itemCodes, order, field);
	}

	public Application submitForEnterprise(CurrentUser caller, String uscc, String themeCode,
			Map<String, Object> answers, List<String> itemCodes, List<Application.OrderConstraint> order, String field) {
		boolean agent = caller.hasRole(CurrentUser.ENTERPRISE_AGENT) && agents.mayActFor(caller.subject(), uscc, itemCodes);
		boolean representative = !agent && caller.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				&& representatives.represents(caller.subject(), uscc);
		if (!agent && !representative) {
			throw new ForbiddenException("you are neither the legal representative of enterprise " + uscc
					+ " nor authorised by it for these items");
		}
		Application application = build(caller, null, themeCode, answers, itemCodes, order, field);
		application.inNameOf(uscc, agents.enterpriseName(uscc)
			.or(() -> representative ? representatives.name(caller.subject(), uscc) : java.util.Optional.empty())
			.orElse(uscc));
		return applications.insert(application);
	}

	private Application build(CurrentUser caller, Application.Applicant onBehalfOf, String themeCode,
			Map<String, Object> answers, List<String> itemCodes, List<Application.OrderConstraint> order, String field) {
		Application.Applicant applicant;
		String channel;
		if (onBehalfOf != null) {
			if (!caller.hasAnyRole(CurrentUser.WINDOW_CLERK, CurrentUser.DEPT_SYSTEM)) {
				throw new InvalidRequestException("only window clerks and department systems submit for someone else",
						"applicant", "must be absent unless a window clerk or a department system submits");
			}
			applicant = onBehalfOf;
			channel = caller.hasRole(CurrentUser.WINDOW_CLERK) ? "WINDOW" : "DEPARTMENT_SYSTEM";
		}
		else {
			if (!caller.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)) {
				throw caller.hasRole(CurrentUser.WINDOW_CLERK)
						? new InvalidRequestException("a window clerk names the applicant", "applicant",
								"must be given when a window clerk submits")
						: new ForbiddenException("only citizens and enterprise agents submit applications online");
			}
			applicant = new Application.Applicant(caller.subject(), caller.name());
			// a partner channel app (支付宝+政务 …) acting for a user who consented in Keycloak
			channel = caller.clientId() != null && caller.clientId().startsWith("partner-") ? "PARTNER_APP" : "ONLINE";
		}
		ThemeBinding binding = bind(themeCode, answers, itemCodes, order, field);
		List<Application.ItemSnapshot> snapshots = new ArrayList<>();
		for (int i = 0; i < itemCodes.size(); i++) {
			String code = itemCodes.get(i);
			String name = "itemCode".equals(field) ? field : field + "[" + i + "]";
			PublishedItem item = items.findById(code)
				.orElseThrow(() -> new InvalidRequestException("no published item " + code, name,
						"must be the code of a published catalog item"));
			if ("DEPARTMENT_SYSTEM".equals(channel) && !item.getDepartmentCode().equals(caller.department())) {
				throw new InvalidRequestException("item " + code + " belongs to " + item.getDepartmentCode(), name,
						"a department system submits items of its own department only");
			}
			snapshots.add(new Application.ItemSnapshot(item.getItemCode(), item.getItemVersion(), item.getName(),
					item.getDepartmentCode(), item.getDepartmentName(), item.getLicenseType(), item.getLicenseName(),
					item.getLicenseValidityYears(), item.getPromisedDays(), item.getLegalDays(),
					binding == null ? item.getMaterials() : binding.materialsOf(code, item.getMaterials())));
		}
		Application application = binding == null
				? Application.submit(applicant, themeCode, snapshots, order, channel, Instant.now(clock))
				: Application.submitUnderTheme(applicant, binding.theme(), snapshots, binding.order(), channel,
						Instant.now(clock));
		application.submittedBy(caller.subject());
		return application;
	}

	/**
	 * The plan of the published theme for the answers, which the submission must match (null without a theme). An
	 * unknown theme is a 400 naming {@code themeCode}; a theme whose rules never reached this service (published
	 * before {@code catalog.ThemePublished} carried them) is a 409 until the catalog publishes it again.
	 */
	private ThemeBinding bind(String themeCode, Map<String, Object> answers, List<String> itemCodes,
			List<Application.OrderConstraint> order, String field) {
		if (themeCode == null) {
			if (answers != null && !answers.isEmpty()) {
				throw new InvalidRequestException("answers belong to a theme", "answers",
						"must be absent unless a themeCode is given");
			}
			return null;
		}
		PublishedTheme theme = themes.findById(themeCode)
			.orElseThrow(() -> new InvalidRequestException("no published theme " + themeCode, "themeCode",
					"must be the code of a published theme"));
		if (theme.getPlan() == null) {
			throw new ConflictException("the rules of theme " + themeCode + " v" + theme.getThemeVersion()
					+ " are not known here yet", "themeCode", "the catalog must publish the theme again");
		}
		return ThemeBinding.bind(themeCode, theme.getThemeVersion(), theme.getPlan(), itemCodes,
				order == null ? List.of() : order, answers, field);
	}

	/** The applicant's own application, or one of an enterprise the caller currently may act for; else 404. */
	public Application ownApplication(CurrentUser user, String applicationId) {
		return applications.findById(applicationId)
			.filter(a -> a.isOwnedBy(user.subject()) || (a.getEnterpriseUscc() != null && actsFor(user, a.getEnterpriseUscc())))
			.orElseThrow(() -> new NotFoundException("no application " + applicationId));
	}

	/** A window clerk (一窗受理) acting for the applicant in front of them, not a citizen acting for themself. */
	public static boolean atWindow(CurrentUser user) {
		return user.hasRole(CurrentUser.WINDOW_CLERK) && !user.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT);
	}

	/**
	 * An application taken in at a window, for a window clerk scanning the applicant's paper materials into it (the
	 * same backend: no second paper run); an application made online is not theirs to touch (404).
	 */
	public Application windowApplication(CurrentUser clerk, String applicationId) {
		if (!atWindow(clerk)) {
			throw new ForbiddenException("only window clerks scan materials for an applicant");
		}
		return applications.findById(applicationId)
			.filter(a -> "WINDOW".equals(a.getChannel()))
			.orElseThrow(() -> new NotFoundException("no window application " + applicationId));
	}

	private static Actor applicantOf(Application application) {
		return application.getEnterpriseUscc() == null ? Actor.applicant(application.getApplicantSubject())
				: Actor.agentOf(application.getApplicantSubject(), application.getEnterpriseUscc());
	}

	/** The enterprises whose applications the caller follows as an authorised agent. */
	public List<String> enterprisesOf(CurrentUser user) {
		List<String> enterprises = new ArrayList<>(
				user.hasRole(CurrentUser.ENTERPRISE_AGENT) ? agents.enterprisesOf(user.subject()) : List.of());
		if (user.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)) {
			representatives.enterprisesRepresented(user.subject())
				.stream()
				.map(LegalRepresentatives.Enterprise::uscc)
				.filter(u -> !enterprises.contains(u))
				.forEach(enterprises::add);
		}
		return enterprises;
	}

	/** An authorised agent of the enterprise (from identity.events), or its legal representative (asked live). */
	private boolean actsFor(CurrentUser user, String uscc) {
		if (user.hasRole(CurrentUser.ENTERPRISE_AGENT) && agents.mayActFor(user.subject(), uscc)) {
			return true;
		}
		return user.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				&& representatives.represents(user.subject(), uscc);
	}

	/** The caller as the applicant side of the application: its applicant, or an authorised agent of its enterprise. */
	public static Actor applicantActor(CurrentUser user, Application application) {
		return application.isOwnedBy(user.subject()) ? Actor.applicant(user.subject())
				: Actor.agentOf(user.subject(), application.getEnterpriseUscc());
	}

	// ---- applicant actions ------------------------------------------------------------------------------

	/**
	 * Adds a material for the applicant. Adding commutes with what the platform itself does to the application at
	 * the same time (the prefill job, a licence arriving), so a version conflict with those is retried on a fresh
	 * copy instead of being handed to the applicant as a 409.
	 */
	public Application addMaterial(CurrentUser user, String applicationId, Application.Material material) {
		for (int attempt = 1;; attempt++) {
			Application application = atWindow(user) ? windowApplication(user, applicationId)
					: ownApplication(user, applicationId);
			Actor actor = atWindow(user) ? applicantOf(application) : applicantActor(user, application);
			application.addMaterial(actor, material);
			try {
				return applications.save(application);
			}
			catch (org.springframework.dao.OptimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	public Application withdraw(CurrentUser user, String applicationId, String caseId, String reason) {
		Application application = ownApplication(user, applicationId);
		application.withdraw(caseId, applicantActor(user, application), reason, Instant.now(clock));
		return applications.save(application);
	}

	public Application supplement(CurrentUser user, String applicationId, String caseId, String note) {
		Application application = ownApplication(user, applicationId);
		application.supplement(caseId, applicantActor(user, application), note, Instant.now(clock));
		return applications.save(application);
	}

	public Application rate(CurrentUser user, String applicationId, int score, String comment) {
		Application application = ownApplication(user, applicationId);
		application.rate(applicantActor(user, application), score, comment,
				calendars.calendar().addWorkingDays(calendars.today(), RECTIFICATION_WORKING_DAYS), Instant.now(clock));
		return applications.save(application);
	}

	// ---- department actions -----------------------------------------------------------------------------

	public Application approve(CurrentUser officer, String caseId) {
		return approve(officer, caseId, java.util.Map.of());
	}

	public Application approve(CurrentUser officer, String caseId, java.util.Map<String, String> licenseData) {
		return act(officer, caseId, (a) -> a.approve(caseId, actor(officer), licenseData, Instant.now(clock)));
	}

	/**
	 * 撤销准予 after conclusion: a decision of the department's leadership, so its dept-admin records it (or its
	 * system, carrying the decision of its own workflow); an officer alone may not.
	 */
	public Application overturn(CurrentUser user, String caseId, String reason, String legalBasis) {
		requireDepartmentStaff(user, CurrentUser.DEPT_ADMIN, CurrentUser.DEPT_SYSTEM);
		Application application = applications.findByCaseId(caseId)
			.filter(a -> a.caseOf(caseId).getDepartmentCode().equals(user.department()))
			.orElseThrow(() -> new NotFoundException("no case " + caseId + " in your department"));
		application.overturn(caseId, actor(user), reason, legalBasis, Instant.now(clock));
		return applications.save(application);
	}

	public Application deny(CurrentUser officer, String caseId, String reason) {
		return deny(officer, caseId, reason, null);
	}

	public Application deny(CurrentUser officer, String caseId, String reason, String legalBasis) {
		return act(officer, caseId, (a) -> a.deny(caseId, actor(officer), reason, legalBasis, Instant.now(clock)));
	}

	public Application accept(CurrentUser officer, String caseId) {
		return act(officer, caseId, (a) -> a.accept(caseId, actor(officer), Instant.now(clock)));
	}

	public Application reject(CurrentUser officer, String caseId, String reason) {
		return act(officer, caseId, (a) -> a.reject(caseId, actor(officer), reason, Instant.now(clock)));
	}

	public Application startReview(CurrentUser officer, String caseId) {
		return act(officer, caseId, (a) -> a.startReview(caseId, actor(officer), Instant.now(clock)));
	}

	public Application requestCorrection(CurrentUser officer, String caseId, List<String> deficiencies) {
		return act(officer, caseId,
				(a) -> a.requestCorrection(caseId, actor(officer), deficiencies, Instant.now(clock)));
	}

	public Application recheck(CurrentUser officer, String caseId) {
		return act(officer, caseId, (a) -> a.recheck(caseId, actor(officer), Instant.now(clock)));
	}

	public Application sendBack(CurrentUser officer, String caseId, String reason) {
		return act(officer, caseId, (a) -> a.sendBack(caseId, actor(officer), reason, Instant.now(clock)));
	}

	public Application startSpecialProcedure(CurrentUser officer, String caseId, String procedure, String reason) {
		return act(officer, caseId,
				(a) -> a.startSpecialProcedure(caseId, actor(officer), procedure, reason, Instant.now(clock)));
	}

	public Application endSpecialProcedure(CurrentUser officer, String caseId, String outcome) {
		return act(officer, caseId, (a) -> a.endSpecialProcedure(caseId, actor(officer), outcome, Instant.now(clock)));
	}

	public Application completeRectification(CurrentUser user, String applicationId, String outcome) {
		requireDepartmentStaff(user, CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN);
		Application application = applications.findById(applicationId)
			.filter(a -> a.getRectifications().stream().anyMatch(r -> r.departmentCode().equals(user.department())))
			.orElseThrow(() -> new NotFoundException("no rectification of " + applicationId + " for your department"));
		application.completeRectification(actor(user), outcome, Instant.now(clock));
		return applications.save(application);
	}

	/** A case of the caller's department, or 404 (another department's case does not exist for them). */
	public Application caseForDepartment(CurrentUser officer, String caseId) {
		requireDepartmentStaff(officer, CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM);
		return applications.findByCaseId(caseId)
			.filter(a -> a.caseOf(caseId).getDepartmentCode().equals(officer.department()))
			.orElseThrow(() -> new NotFoundException("no case " + caseId + " in your department"));
	}

	/**
	 * Applies a department's transition. A version conflict means someone saved the application in between: if it
	 * was another decision on this case (its status or history moved), the caller gets the 409; if the platform
	 * changed something else (shared data arriving, a material, another department's case), the transition is
	 * re-applied to the fresh copy — its rules are checked again there.
	 */
	private Application act(CurrentUser officer, String caseId, Consumer<Application> transition) {
		for (int attempt = 1;; attempt++) {
			Application application = caseForDepartment(officer, caseId);
			Case seen = application.caseOf(caseId);
			CaseStatus statusSeen = seen.getStatus();
			int stepsSeen = seen.getHistory().size();
			transition.accept(application);
			try {
				return applications.save(application);
			}
			catch (org.springframework.dao.OptimisticLockingFailureException ex) {
				Case now = applications.findById(application.getId()).map(a -> a.caseOf(caseId)).orElse(null);
				if (attempt == 5 || now == null || now.getStatus() != statusSeen || now.getHistory().size() != stepsSeen) {
					throw ex;
				}
			}
		}
	}

	private static Actor actor(CurrentUser user) {
		return Actor.department(user.subject(), user.department());
	}

	private static void requireDepartmentStaff(CurrentUser user, String... roles) {
		if (!user.hasAnyRole(roles) || user.department() == null) {
			throw new ForbiddenException("only department staff and systems of a department act on its cases");
		}
	}

}
