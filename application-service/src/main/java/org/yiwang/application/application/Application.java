package org.yiwang.application.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yiwang.application.application.CaseEvents.ApplicationConcluded;
import org.yiwang.application.application.CaseEvents.CaseStepped;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.ids.TimeOrderedIds;
import org.yiwang.shared.mongo.PendingMarker;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.data.annotation.AccessType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application (办件): one submission by one applicant, split into cases (子件) per department and item. The
 * cases live in the application's document, so a transition, its consequences (a dependent case starting, the
 * combined result) and the events it raises are one atomic write; the {@code revision} makes two officers acting
 * at once a conflict (409) instead of a lost update. Every transition goes through {@link #guard}, which applies
 * the {@link CaseAction} table.
 */
@Document("applications")
public class Application {

	/** Special procedures excluded from the time limit (特别程序). */
	public static final Set<String> SPECIAL_PROCEDURES = Set.of("HEARING", "INSPECTION", "EXPERT_REVIEW");

	@Id
	private String id;

	private String applicantSubject;

	/** 统一社会信用代码 of the enterprise applied for, when an authorised agent applies in its name; else null. */
	private String enterpriseUscc;

	private String enterpriseName;

	private String applicantName;

	private String channel;

	/** who pressed submit: the applicant, or the window clerk (一窗受理) */
	private String submittedBy;

	private Instant submittedAt;

	private String themeCode;

	/** the theme version and answers the application was bound to at submission (null without a theme) */
	private Theme theme;

	private List<Case> cases = new ArrayList<>();

	private Instant concludedAt;

	private List<Material> materials = new ArrayList<>();

	/** what the application needs, merged over its items, each satisfied once (by upload, e-licence or shared data) */
	private List<Requirement> requirements = new ArrayList<>();

	/** fetching the shared-data materials from the exchange (免提交), retried until done */
	private PrefillState prefill;

	/**
	 * Present exactly while the prefill is PENDING: {@link PendingMarker#due} of its next attempt, under a sparse
	 * unique index, so the prefiller's sweep finds waiting applications without reading the others
	 */
	private String prefillDue;

	/**
	 * Present (the application's id) exactly while one of its cases is supervised ({@link CaseStatus#supervised}),
	 * under a sparse unique index: the overdue scan reads only those applications. Derived from the cases whenever
	 * the application is written.
	 */
	@AccessType(AccessType.Type.PROPERTY)
	private String supervised;

	/** 跑动次数: times the applicant had to come to a service hall for this application (0 when all online) */
	private int visits;

	private Rating rating;

	private List<Rectification> rectifications = new ArrayList<>();

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	Application() {
	}

	/** Submits an application for one item; its single case goes to the item's department. */
	public static Application submit(Applicant applicant, ItemSnapshot item, String channel, Instant now) {
		return submit(applicant, null, List.of(item), List.of(), channel, now);
	}

	/**
	 * Submits an application for several items at once (a theme, 一件事): one case per item, routed to the item's
	 * department, running in parallel except where an order constraint makes one wait for its predecessor's
	 * approval. Codes must be distinct, constraints must name listed items and must not form a cycle.
	 */
	public static Application submit(Applicant applicant, String themeCode, List<ItemSnapshot> items,
			List<OrderConstraint> order, String channel, Instant now) {
		return submit(applicant, themeCode, null, items, order, channel, now);
	}

	/**
	 * Submits under a theme bound to its published plan (see {@link ThemeBinding}): the theme version and the
	 * answers are recorded with the application.
	 */
	static Application submitUnderTheme(Applicant applicant, Theme theme, List<ItemSnapshot> items,
			List<OrderConstraint> order, String channel, Instant now) {
		return submit(applicant, theme.code(), theme, items, order, channel, now);
	}

	private static Application submit(Applicant applicant, String themeCode, Theme theme, List<ItemSnapshot> items,
			List<OrderConstraint> order, String channel, Instant now) {
		if (items.isEmpty()) {
			throw new InvalidRequestException("no items", "itemCodes", "must list at least one item");
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			if (!codes.add(items.get(i).itemCode())) {
				throw new InvalidRequestException("item " + items.get(i).itemCode() + " is listed twice",
						"itemCodes[" + i + "]", "must be distinct");
			}
		}
		Map<String, List<String>> predecessors = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			OrderConstraint constraint = order.get(i);
			if (!codes.contains(constraint.before())) {
				throw new InvalidRequestException("order names an item not applied for", "order[" + i + "].before",
						"must be one of itemCodes");
			}
			if (!codes.contains(constraint.after())) {
				throw new InvalidRequestException("order names an item not applied for", "order[" + i + "].after",
						"must be one of itemCodes");
			}
			predecessors.computeIfAbsent(constraint.after(), k -> new ArrayList<>()).add(constraint.before());
		}
		if (hasCycle(codes, predecessors)) {
			throw new InvalidRequestException("the order constraints form a cycle", "order",
					"must not contain a cycle");
		}
		Application application = new Application();
		application.id = TimeOrderedIds.next("APP-");
		application.applicantSubject = applicant.subject();
		application.applicantName = applicant.name();
		application.channel = channel;
		application.submittedAt = now;
		application.themeCode = themeCode;
		application.theme = theme;
		for (ItemSnapshot item : items) {
			application.cases.add(new Case(TimeOrderedIds.next("CASE-"), item,
					predecessors.getOrDefault(item.itemCode(), List.of()), now));
		}
		application.requirements = Requirement.merge(items);
		if (application.requirements.stream().anyMatch(r -> Requirement.PREFILL_PENDING.equals(r.status()))) {
			application.prefill(new PrefillState(PrefillState.PENDING, 0, now, null, null));
		}
		application.visits = "WINDOW".equals(channel) ? 1 : 0;
		application.emit(ApplicationSubmitted.TYPE, new ApplicationSubmitted(application.id, applicant.subject(),
				channel,
				application.cases.stream()
					.map(c -> new ApplicationSubmitted.SubmittedCase(c.getCaseId(), c.getItemCode(), c.getItemVersion(),
							c.getDepartmentCode()))
					.toList(),
				now));
		application.cases.stream()
			.filter(c -> c.getStatus() == CaseStatus.SUBMITTED)
			.forEach(c -> application.caseBecameActionable(c, now));
		return application;
	}

	static boolean hasCycle(Set<String> nodes, Map<String, List<String>> predecessors) {
		Map<String, Integer> state = new HashMap<>();
		for (String start : nodes) {
			if (state.containsKey(start)) {
				continue;
			}
			Deque<Object[]> stack = new ArrayDeque<>();
			stack.push(new Object[] { start, 0 });
			state.put(start, 1);
			while (!stack.isEmpty()) {
				Object[] frame = stack.peek();
				String node = (String) frame[0];
				List<String> next = predecessors.getOrDefault(node, List.of());
				int index = (Integer) frame[1];
				if (index < next.size()) {
					frame[1] = index + 1;
					String n = next.get(index);
					Integer s = state.get(n);
					if (s != null && s == 1) {
						return true;
					}
					if (s == null) {
						state.put(n, 1);
						stack.push(new Object[] { n, 0 });
					}
				}
				else {
					state.put(node, 2);
					stack.pop();
				}
			}
		}
		return false;
	}

	// ---- intake ---------------------------------------------------------------------------------------

	/** 受理: the statutory clock starts. */
	public void accept(String caseId, Actor officer, Instant now) {
		Case target = guard(caseId, CaseAction.ACCEPT, officer);
		acceptCase(target, officer, now);
		after(now);
	}

	private void acceptCase(Case target, Actor officer, Instant now) {
		target.moveTo(CaseStatus.ACCEPTED, CaseAction.ACCEPT.name(), officer.subject(), null, now);
		target.accepted(now);
		emit(CaseEvents.CaseAccepted.TYPE, new CaseEvents.CaseAccepted(target.getCaseId(), id, target.getItemCode(),
				target.getItemName(), target.getDepartmentCode(), applicantSubject, officer.subject(), now));
	}

	/** 不予受理, with the reason the applicant will read. */
	public void reject(String caseId, Actor officer, String reason, Instant now) {
		Case target = guard(caseId, CaseAction.REJECT, officer);
		requireText(reason, "reason");
		target.moveTo(CaseStatus.REJECTED, CaseAction.REJECT.name(), officer.subject(), reason, now);
		target.conclude(officer.subject(), reason, null, now);
		emit(CaseEvents.CaseRejected.TYPE, new CaseEvents.CaseRejected(caseId, id, target.getDepartmentCode(),
				applicantSubject, reason, officer.subject(), now));
		after(now);
	}

	public void startReview(String caseId, Actor officer, Instant now) {
		Case target = guard(caseId, CaseAction.START_REVIEW, officer);
		step(target, CaseAction.START_REVIEW, CaseStatus.UNDER_REVIEW, officer, null, CaseStepped.REVIEW_STARTED, now);
	}

	// ---- correction (补正) -----------------------------------------------------------------------------

	/**
	 * 一次性告知: ONE notice listing every deficiency; a case gets one, so a second request is refused. The clock
	 * pauses until the applicant supplements.
	 */
	public void requestCorrection(String caseId, Actor officer, List<String> deficiencies, Instant now) {
		Case target = guard(caseId, CaseAction.REQUEST_CORRECTION, officer);
		if (target.getCorrection() != null) {
			throw new ConflictException("case " + caseId + " already had its correction notice",
					"deficiencies", "一次性告知: one correction notice per case, listing every deficiency");
		}
		if (deficiencies == null || deficiencies.isEmpty() || deficiencies.stream().anyMatch(d -> d == null || d.isBlank())) {
			throw new InvalidRequestException("the notice must list the deficiencies", "deficiencies",
					"must list at least one non-blank deficiency");
		}
		List<String> list = List.copyOf(new LinkedHashSet<>(deficiencies));
		target.rememberResume(target.getStatus());
		target.moveTo(CaseStatus.CORRECTION_REQUESTED, CaseAction.REQUEST_CORRECTION.name(), officer.subject(),
				String.join("；", list), now);
		target.openCorrection(new Case.CorrectionNotice(list, officer.subject(), now, null, null));
		target.pause("CORRECTION", "补正", now);
		emit(CaseEvents.CorrectionRequested.TYPE, new CaseEvents.CorrectionRequested(caseId, id, target.getItemName(),
				target.getDepartmentCode(), applicantSubject, list, officer.subject(), now));
	}

	/** The applicant supplements; the clock resumes and the officer re-checks. */
	public void supplement(String caseId, Actor applicant, String note, Instant now) {
		Case target = guard(caseId, CaseAction.SUPPLEMENT, applicant);
		target.moveTo(CaseStatus.SUPPLEMENTED, CaseAction.SUPPLEMENT.name(), applicant.subject(), note, now);
		target.supplemented(note, now);
		target.resume(now);
		emit(CaseEvents.CaseSupplemented.TYPE, new CaseEvents.CaseSupplemented(caseId, id, target.getDepartmentCode(),
				note, now));
	}

	/** The supplement is complete: the case returns to the step it was at when the correction was requested. */
	public void recheck(String caseId, Actor officer, Instant now) {
		Case target = guard(caseId, CaseAction.RECHECK, officer);
		step(target, CaseAction.RECHECK, target.getResumeStatus(), officer, null, CaseStepped.RECHECKED, now);
	}

	/**
	 * Back to the previous step: from review to accepted (e.g. to re-assign), or from a supplement that does not
	 * cure the deficiencies back to the applicant under the same notice (the clock pauses again).
	 */
	public void sendBack(String caseId, Actor officer, String reason, Instant now) {
		Case target = guard(caseId, CaseAction.SEND_BACK, officer);
		requireText(reason, "reason");
		if (target.getStatus() == CaseStatus.SUPPLEMENTED) {
			target.pause("CORRECTION", "补正不到位：" + reason, now);
			step(target, CaseAction.SEND_BACK, CaseStatus.CORRECTION_REQUESTED, officer, reason, CaseStepped.SENT_BACK,
					now);
		}
		else {
			step(target, CaseAction.SEND_BACK, CaseStatus.ACCEPTED, officer, reason, CaseStepped.SENT_BACK, now);
		}
	}

	// ---- special procedures ----------------------------------------------------------------------------

	/** Hearing, inspection or expert review: excluded from the time limit, so the clock pauses with the reason. */
	public void startSpecialProcedure(String caseId, Actor officer, String procedure, String reason, Instant now) {
		Case target = guard(caseId, CaseAction.START_SPECIAL_PROCEDURE, officer);
		if (procedure == null || !SPECIAL_PROCEDURES.contains(procedure)) {
			throw new InvalidRequestException("unknown special procedure " + procedure, "procedure",
					"must be one of HEARING, INSPECTION, EXPERT_REVIEW");
		}
		requireText(reason, "reason");
		target.rememberResume(target.getStatus());
		target.specialProcedure(procedure);
		target.moveTo(CaseStatus.SPECIAL_PROCEDURE, CaseAction.START_SPECIAL_PROCEDURE.name(), officer.subject(),
				procedure + "：" + reason, now);
		target.pause(procedure, reason, now);
		emit(CaseEvents.SpecialProcedure.STARTED, new CaseEvents.SpecialProcedure(caseId, id,
				target.getDepartmentCode(), procedure, reason, officer.subject(), now));
	}

	public void endSpecialProcedure(String caseId, Actor officer, String outcome, Instant now) {
		Case target = guard(caseId, CaseAction.END_SPECIAL_PROCEDURE, officer);
		String procedure = target.getSpecialProcedure();
		target.resume(now);
		target.specialProcedure(null);
		target.moveTo(target.getResumeStatus(), CaseAction.END_SPECIAL_PROCEDURE.name(), officer.subject(), outcome,
				now);
		emit(CaseEvents.SpecialProcedure.ENDED, new CaseEvents.SpecialProcedure(caseId, id,
				target.getDepartmentCode(), procedure, outcome, officer.subject(), now));
	}

	// ---- conclusion (办结) -------------------------------------------------------------------------------

	/** 办结·准予: the officer's department must own the case, and the case must be at a step that allows it. */
	public void approve(String caseId, Officer officer, Instant now) {
		approve(caseId, Actor.department(officer.subject(), officer.departmentCode()), now);
	}

	public void approve(String caseId, Actor officer, Instant now) {
		approve(caseId, officer, Map.of(), now);
	}

	/**
	 * 办结·准予 with the licence's data fields as decided (经营范围, 经营场所, 座位数 …; field name → text), which the
	 * licence carries. An item that issues no licence takes no licence data.
	 */
	public void approve(String caseId, Actor officer, Map<String, String> licenseData, Instant now) {
		Case target = guard(caseId, CaseAction.APPROVE, officer);
		Map<String, String> data = licenseData == null ? Map.of() : licenseData;
		validateLicenseData(target, data);
		if (target.getStatus() == CaseStatus.SUBMITTED) {
			acceptCase(target, officer, now); // 即办: accepted and concluded on the spot
		}
		target.moveTo(CaseStatus.APPROVED, CaseAction.APPROVE.name(), officer.subject(), null, now);
		target.conclude(officer.subject(), null, null, now);
		target.licenseData(data);
		emit(CaseApproved.TYPE, new CaseApproved(caseId, id, target.getItemCode(), target.getItemVersion(),
				target.getDepartmentCode(), applicantSubject, applicantName, target.getLicenseType(),
				target.getLicenseName(), target.getLicenseValidityYears(), officer.subject(), now, enterpriseUscc,
				enterpriseName, data));
		after(now);
	}

	private static final java.util.regex.Pattern LICENSE_FIELD = java.util.regex.Pattern.compile("^[a-z][A-Za-z0-9]{0,39}$");

	private static void validateLicenseData(Case target, Map<String, String> data) {
		if (data.isEmpty()) {
			return;
		}
		if (target.getLicenseType() == null) {
			throw new InvalidRequestException("item " + target.getItemCode() + " issues no licence", "licenseData",
					"must be absent when the item issues no licence");
		}
		if (data.size() > 30) {
			throw new InvalidRequestException("too many licence fields", "licenseData", "at most 30 fields");
		}
		data.forEach((name, value) -> {
			if (name == null || !LICENSE_FIELD.matcher(name).matches()) {
				throw new InvalidRequestException("bad licence field name", "licenseData",
						"field names are camelCase, at most 40 characters (e.g. businessScope)");
			}
			if (value == null || value.isBlank() || value.length() > 500) {
				throw new InvalidRequestException("bad value of licence field " + name, "licenseData." + name,
						"must be non-blank text of at most 500 characters");
			}
		});
	}

	/**
	 * 撤销准予: the deciding department sets an approval aside after conclusion — obtained by deception, or
	 * overturned in administrative review / litigation — with the reason and the legal basis. The case ends
	 * OVERTURNED and license-service revokes its licence ({@code application.ApprovalOverturned}).
	 */
	public void overturn(String caseId, Actor department, String reason, String legalBasis, Instant now) {
		Case target = guard(caseId, CaseAction.OVERTURN, department);
		requireText(reason, "reason");
		requireText(legalBasis, "legalBasis");
		target.moveTo(CaseStatus.OVERTURNED, CaseAction.OVERTURN.name(), department.subject(), reason, now);
		target.overturn(new Case.Overturn(reason, legalBasis, department.subject(), now));
		emit(org.yiwang.shared.contracts.ApprovalOverturned.TYPE,
				new org.yiwang.shared.contracts.ApprovalOverturned(caseId, id, target.getItemCode(),
						target.getDepartmentCode(), target.getLicenseNumber(), reason, legalBasis,
						department.subject(), now, applicantSubject));
	}

	/** 办结·不予: with the reason the applicant will read. */
	public void deny(String caseId, Officer officer, String reason, Instant now) {
		deny(caseId, Actor.department(officer.subject(), officer.departmentCode()), reason, null, now);
	}

	/** 办结·不予: with the reason and the legal basis (《行政许可法》第三十八条 requires both to be stated). */
	public void deny(String caseId, Actor officer, String reason, String legalBasis, Instant now) {
		Case target = guard(caseId, CaseAction.DENY, officer);
		requireText(reason, "reason");
		if (target.getStatus() == CaseStatus.SUBMITTED) {
			acceptCase(target, officer, now);
		}
		target.moveTo(CaseStatus.DENIED, CaseAction.DENY.name(), officer.subject(), reason, now);
		target.conclude(officer.subject(), reason, legalBasis, now);
		emit(CaseEvents.CaseDenied.TYPE, new CaseEvents.CaseDenied(caseId, id, target.getDepartmentCode(), reason,
				legalBasis, officer.subject(), now));
		after(now);
	}

	/**
	 * 撤回: the applicant withdraws one case, or (caseId null) every case not yet concluded. Refused when nothing
	 * can be withdrawn any more.
	 */
	public void withdraw(String caseId, Actor applicant, String reason, Instant now) {
		List<Case> targets;
		if (caseId != null) {
			targets = List.of(guard(caseId, CaseAction.WITHDRAW, applicant));
		}
		else {
			requireOwner(applicant);
			targets = cases.stream().filter(c -> CaseAction.WITHDRAW.allowedFrom(c.getStatus())).toList();
			if (targets.isEmpty()) {
				throw new ConflictException("application " + id + " has no case left to withdraw", "status",
						CaseAction.WITHDRAW.rule());
			}
		}
		for (Case target : targets) {
			target.resume(now);
			target.conclude(null, reason, null, now);
			step(target, CaseAction.WITHDRAW, CaseStatus.WITHDRAWN, applicant, reason, CaseStepped.WITHDRAWN, now);
		}
		after(now);
	}

	// ---- supervision --------------------------------------------------------------------------------------

	/** 效能监察 yellow: raised once per case; false when already raised. */
	public boolean warnDeadline(String caseId, CaseEvents.CaseDeadline figures, Instant now) {
		if (!caseOf(caseId).warn(now)) {
			return false;
		}
		emit(CaseEvents.CaseDeadline.WARNING, figures);
		return true;
	}

	/** 效能监察 red: raised once per case; the case enters the supervisor queue. */
	public boolean escalateOverdue(String caseId, CaseEvents.CaseDeadline figures, Instant now) {
		if (!caseOf(caseId).escalate(now)) {
			return false;
		}
		emit(CaseEvents.CaseDeadline.OVERDUE, figures);
		return true;
	}

	// ---- 好差评 -----------------------------------------------------------------------------------------

	/**
	 * The applicant rates the concluded application once, 1–5; a score of 1 or 2 opens a rectification task for
	 * every department that handled a case, due on {@code rectificationDue}.
	 */
	public void rate(Actor applicant, int score, String comment, LocalDate rectificationDue, Instant now) {
		requireOwner(applicant);
		if (concludedAt == null) {
			throw new ConflictException("application " + id + " is not concluded yet", "score",
					"rating requires every case to be concluded");
		}
		if (rating != null) {
			throw new ConflictException("application " + id + " was already rated", "score",
					"one rating per application");
		}
		if (score < 1 || score > 5) {
			throw new InvalidRequestException("score out of range", "score", "must be between 1 and 5");
		}
		rating = new Rating(score, comment, now);
		List<String> departments = new ArrayList<>();
		if (score <= 2) {
			cases.stream().map(Case::getDepartmentCode).distinct().forEach(dept -> {
				rectifications.add(new Rectification(dept, rectificationDue, "OPEN", null, null, null, now));
				departments.add(dept);
			});
		}
		emit(CaseEvents.ApplicationRated.TYPE, new CaseEvents.ApplicationRated(id, score, departments, now));
	}

	/** The department reports what it changed; the applicant sees the outcome with the application. */
	public void completeRectification(Actor department, String outcome, Instant now) {
		requireText(outcome, "outcome");
		int index = -1;
		for (int i = 0; i < rectifications.size(); i++) {
			if (rectifications.get(i).departmentCode().equals(department.departmentCode())) {
				index = i;
			}
		}
		if (index < 0 || department.kind() != Actor.Kind.DEPARTMENT) {
			throw new NotFoundException("no rectification of application " + id + " for your department");
		}
		Rectification open = rectifications.get(index);
		if (!"OPEN".equals(open.status())) {
			throw new ConflictException("rectification already completed", "status", "must be OPEN");
		}
		rectifications.set(index, new Rectification(open.departmentCode(), open.dueDate(), "COMPLETED", outcome,
				department.subject(), now, open.openedAt()));
		emit(CaseEvents.RectificationCompleted.TYPE, new CaseEvents.RectificationCompleted(id,
				department.departmentCode(), applicantSubject, outcome, department.subject(), now));
	}

	// ---- materials ---------------------------------------------------------------------------------------

	/**
	 * Materials are added by the applicant while the application is open (at most 50), each with its provenance.
	 * A material naming a requirement satisfies it: an upload answers an upload requirement or shared data that
	 * could not be fetched; an e-licence answers a requirement of its licence type.
	 */
	public void addMaterial(Actor applicant, Material material) {
		requireOwner(applicant);
		if (concludedAt != null) {
			throw new ConflictException("application " + id + " is concluded", "status",
					"materials can be added while the application is open");
		}
		if (materials.size() >= 50) {
			throw new ConflictException("too many materials", "file", "at most 50 materials per application");
		}
		if (material.requirementKey() != null) {
			Requirement requirement = requirement(material.requirementKey());
			if (!requirement.acceptsFromApplicant(material.source())) {
				throw new InvalidRequestException("requirement " + requirement.key() + " (" + requirement.name()
						+ ") is " + requirement.status() + " and not answered by " + material.source(), "requirementKey",
						requirement.ruleForApplicant());
			}
			satisfy(requirement.key(), material.materialId());
		}
		materials.add(material);
	}

	/** The requirement with this key, or 400 naming the field. */
	public Requirement requirement(String key) {
		return requirements.stream()
			.filter(r -> r.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("no requirement " + key + " in application " + id,
					"requirementKey", "must be the key of one of the application's requirements"));
	}

	public List<Requirement> getRequirements() {
		return requirements == null ? List.of() : List.copyOf(requirements);
	}

	private void satisfy(String key, String materialId) {
		replaceRequirement(key, r -> r.withStatus(Requirement.SATISFIED, materialId, null));
	}

	private void replaceRequirement(String key, java.util.function.UnaryOperator<Requirement> change) {
		for (int i = 0; i < requirements.size(); i++) {
			if (requirements.get(i).key().equals(key)) {
				requirements.set(i, change.apply(requirements.get(i)));
			}
		}
	}

	// ---- once-only prefill (免提交) -------------------------------------------------------------------------

	/** The shared-data requirements still to be fetched from the exchange. */
	public List<Requirement> sharedDataToFetch() {
		return getRequirements().stream().filter(r -> Requirement.PREFILL_PENDING.equals(r.status())).toList();
	}

	public PrefillState getPrefill() {
		return prefill;
	}

	/** The marker of an application with a supervised case (its id); null when none is. */
	public String getSupervised() {
		return cases.stream().anyMatch(c -> c.getStatus().supervised()) ? id : null;
	}

	/** Derived from the cases; the stored value is not read back. */
	void setSupervised(String ignored) {
	}

	/** The marker of an application whose prefill is pending; null otherwise. */
	public String getPrefillDue() {
		return prefillDue;
	}

	private void prefill(PrefillState state) {
		prefill = state;
		prefillDue = PrefillState.PENDING.equals(state.status())
				? PendingMarker.due(state.nextAttemptAt() == null ? Instant.EPOCH : state.nextAttemptAt(), id) : null;
	}

	/**
	 * The prefiller took this application under a lease, written by a guarded update of its own ({@code
	 * prefill.leaseUntil} set, {@code revision} incremented): this copy follows, so it can be saved without a reload.
	 */
	public void prefillLeased(Instant leaseUntil) {
		prefill(new PrefillState(prefill.status(), prefill.attempts(), prefill.nextAttemptAt(), leaseUntil,
				prefill.lastError()));
		revision = revision + 1;
	}

	/** The exchange supplied a requirement's data: it becomes a material with the provider as provenance. */
	public void recordSharedData(String key, Material material) {
		Requirement requirement = requirement(key);
		if (!Requirement.PREFILL_PENDING.equals(requirement.status())) {
			return;
		}
		materials.add(material);
		satisfy(key, material.materialId());
	}

	/** The exchange could not supply it (no grant, unknown subject, wrong kind of subject): the applicant uploads. */
	public void sharedDataUnavailable(String key, String why) {
		if (Requirement.PREFILL_PENDING.equals(requirement(key).status())) {
			replaceRequirement(key, r -> r.withStatus(Requirement.UPLOAD_NEEDED, null, why));
		}
	}

	/** Every shared-data requirement has an answer; the applicant is told what was fetched and what to upload. */
	public void prefillDone(Instant now) {
		if (prefill == null || !PrefillState.PENDING.equals(prefill.status())) {
			return;
		}
		prefill(new PrefillState(PrefillState.DONE, prefill.attempts() + 1, null, null, null));
		emitPrefilled(now);
	}

	/** The exchange (or identity) was unavailable: try again at {@code next}; after the last attempt, upload. */
	public void prefillFailed(String error, Instant next, boolean giveUp, Instant now) {
		if (prefill == null || !PrefillState.PENDING.equals(prefill.status())) {
			return;
		}
		if (giveUp) {
			sharedDataToFetch().forEach(r -> sharedDataUnavailable(r.key(), "共享数据暂时无法获取，请上传"));
			prefill(new PrefillState(PrefillState.GAVE_UP, prefill.attempts() + 1, null, null, error));
			emitPrefilled(now);
		}
		else {
			prefill(new PrefillState(PrefillState.PENDING, prefill.attempts() + 1, next, null, error));
		}
	}

	private void emitPrefilled(Instant now) {
		List<CaseEvents.MaterialsPrefilled.Filled> filled = new ArrayList<>();
		List<CaseEvents.MaterialsPrefilled.Missing> missing = new ArrayList<>();
		for (Requirement r : getRequirements()) {
			if (!"SHARED_DATA".equals(r.source())) {
				continue;
			}
			if (Requirement.SATISFIED.equals(r.status())) {
				String by = materials.stream()
					.filter(m -> m.materialId().equals(r.materialId()))
					.map(Material::providedBy)
					.findFirst()
					.orElse(null);
				filled.add(new CaseEvents.MaterialsPrefilled.Filled(r.key(), r.name(), by));
			}
			else {
				missing.add(new CaseEvents.MaterialsPrefilled.Missing(r.key(), r.name(), r.note()));
			}
		}
		emit(CaseEvents.MaterialsPrefilled.TYPE,
				new CaseEvents.MaterialsPrefilled(id, applicantSubject, filled, missing, now));
	}

	/** 跑动次数 for this application. */
	public int getVisits() {
		return visits;
	}

	public Optional<Material> material(String materialId) {
		return materials.stream().filter(m -> m.materialId().equals(materialId)).findFirst();
	}

	public List<Material> getMaterials() {
		return List.copyOf(materials);
	}

	// ---- licences ---------------------------------------------------------------------------------------

	/** Records the licence issued for an approved case; false if it was already recorded. */
	public boolean recordLicense(String caseId, String licenseNumber) {
		return recordLicense(caseId, licenseNumber, Instant.now());
	}

	/**
	 * Records the licence issued for an approved case, and adds it to the application's materials as an e-licence
	 * reference (provenance E_LICENSE), so a dependent case of the theme uses it instead of an upload.
	 */
	public boolean recordLicense(String caseId, String licenseNumber, Instant issuedAt) {
		Case target = caseOf(caseId);
		if (!target.recordLicense(licenseNumber)) {
			return false;
		}
		materials.removeIf(m -> m.materialId().equals("MAT-LIC-" + caseId));
		Requirement awaiting = getRequirements().stream()
			.filter(r -> Requirement.AWAITING_LICENSE.equals(r.status())
					&& java.util.Objects.equals(r.licenseType(), target.getLicenseType()))
			.findFirst()
			.orElse(null);
		materials.add(new Material("MAT-LIC-" + caseId,
				target.getLicenseName() != null ? target.getLicenseName() : target.getItemName() + "电子证照", "E_LICENSE",
				licenseNumber, null, 0, null, "license-service", issuedAt, awaiting == null ? null : awaiting.key(),
				target.getDepartmentName(), Map.of("licenseType", String.valueOf(target.getLicenseType()))));
		if (awaiting != null) {
			satisfy(awaiting.key(), "MAT-LIC-" + caseId);
		}
		return true;
	}

	// ---- rules ------------------------------------------------------------------------------------------

	private Case guard(String caseId, CaseAction action, Actor actor) {
		Case target = caseOf(caseId);
		if (actor.kind() == Actor.Kind.DEPARTMENT && !target.getDepartmentCode().equals(actor.departmentCode())) {
			// not the officer's department: the case does not exist for them
			throw new NotFoundException("no case " + caseId + " in your department");
		}
		if (actor.kind() == Actor.Kind.APPLICANT) {
			requireOwner(actor);
		}
		if (actor.kind() != action.actor()) {
			throw new ConflictException(action + " is not an action of the " + actor.kind().name().toLowerCase(),
					"action", action.rule());
		}
		if (!action.allowedFrom(target.getStatus())) {
			throw new ConflictException("case " + caseId + " is " + target.getStatus() + "; " + action
					+ " is not allowed", "status", action.rule());
		}
		return target;
	}

	private void requireOwner(Actor actor) {
		boolean applicant = enterpriseUscc == null && applicantSubject.equals(actor.subject());
		boolean agentOfEnterprise = enterpriseUscc != null && enterpriseUscc.equals(actor.onBehalfOf());
		if (actor.kind() != Actor.Kind.APPLICANT || !(applicant || agentOfEnterprise)) {
			throw new NotFoundException("no application " + id);
		}
	}

	private static void requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(field + " is required", field, "must not be blank");
		}
	}

	private void step(Case target, CaseAction action, CaseStatus to, Actor actor, String note, String eventType,
			Instant now) {
		CaseStatus from = target.getStatus();
		target.moveTo(to, action.name(), actor.subject(), note, now);
		emit(eventType, new CaseStepped(target.getCaseId(), id, target.getDepartmentCode(), applicantSubject, from, to,
				note, actor.subject(), now));
	}

	/**
	 * Consequences of a conclusion: dependents start when all their predecessors are approved, or terminate when
	 * one of them was not; once every case has concluded, the ONE combined result is recorded (once).
	 */
	private void after(Instant now) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Case waiting : cases) {
				if (waiting.getStatus() != CaseStatus.WAITING) {
					continue;
				}
				List<Case> before = waiting.getPredecessors().stream().map(this::caseOfItem).toList();
				if (before.stream().allMatch(c -> c.getStatus() == CaseStatus.APPROVED)) {
					waiting.moveTo(CaseStatus.SUBMITTED, "START", "system", "前置事项已准予", now);
					caseBecameActionable(waiting, now);
					changed = true;
				}
				else if (before.stream().anyMatch(c -> c.getStatus().concluded() && c.getStatus() != CaseStatus.APPROVED)) {
					String note = "前置事项未获准予，本事项终止";
					waiting.conclude(null, note, null, now);
					waiting.moveTo(CaseStatus.TERMINATED, "TERMINATE", "system", note, now);
					emit(CaseStepped.TERMINATED, new CaseStepped(waiting.getCaseId(), id, waiting.getDepartmentCode(),
							applicantSubject, CaseStatus.WAITING, CaseStatus.TERMINATED, note, "system", now));
					changed = true;
				}
			}
		}
		if (concludedAt == null && cases.stream().allMatch(c -> c.getStatus().concluded())) {
			concludedAt = now;
			emit(ApplicationConcluded.TYPE, new ApplicationConcluded(id, applicantSubject,
					cases.stream()
						.map(c -> new ApplicationConcluded.Result(c.getCaseId(), c.getItemCode(), c.getItemName(),
								c.getDepartmentCode(), c.getDepartmentName(), c.getStatus(), c.getReason(),
								c.getLegalBasis()))
						.toList(),
					now));
		}
	}

	private void caseBecameActionable(Case c, Instant now) {
		emit(CaseEvents.CaseSubmitted.TYPE, new CaseEvents.CaseSubmitted(c.getCaseId(), id, c.getItemCode(),
				c.getItemVersion(), c.getDepartmentCode(), applicantName, now));
	}

	private void emit(String type, Object payload) {
		outbox.add(OutboxMessage.of(Topics.APPLICATION, type, 1, id, payload));
	}

	private Case caseOfItem(String itemCode) {
		return cases.stream().filter(c -> c.getItemCode().equals(itemCode)).findFirst().orElseThrow();
	}

	public Case caseOf(String caseId) {
		return cases.stream()
			.filter(c -> c.getCaseId().equals(caseId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("no case " + caseId));
	}

	public Optional<Case> findCase(String caseId) {
		return cases.stream().filter(c -> c.getCaseId().equals(caseId)).findFirst();
	}

	/**
	 * Derived from the cases: CONCLUDED once every case is, WAITING_FOR_APPLICANT while a correction is open,
	 * SUBMITTED while no department has accepted yet, else IN_PROGRESS.
	 */
	public String status() {
		if (cases.stream().allMatch(c -> c.getStatus().concluded())) {
			return "CONCLUDED";
		}
		if (cases.stream().anyMatch(c -> c.getStatus().waitingOnApplicant())) {
			return "WAITING_FOR_APPLICANT";
		}
		return "IN_PROGRESS";
	}

	/** A person's own application; one made in an enterprise's name belongs to the enterprise, not the agent. */
	public boolean isOwnedBy(String subject) {
		return enterpriseUscc == null && applicantSubject.equals(subject);
	}

	/** Made in an enterprise's name by its authorised agent (set once, before the first save). */
	void inNameOf(String uscc, String name) {
		if (revision != null) {
			throw new IllegalStateException("the applicant of a stored application cannot change");
		}
		this.enterpriseUscc = uscc;
		this.enterpriseName = name;
	}

	public String getEnterpriseUscc() {
		return enterpriseUscc;
	}

	public String getEnterpriseName() {
		return enterpriseName;
	}

	public String getId() {
		return id;
	}

	public String getApplicantSubject() {
		return applicantSubject;
	}

	public String getApplicantName() {
		return applicantName;
	}

	/** Records who submitted (the applicant, or a window clerk for them); only before the first save. */
	public void submittedBy(String subject) {
		if (revision == null) {
			this.submittedBy = subject;
		}
	}

	public String getSubmittedBy() {
		return submittedBy;
	}

	public String getChannel() {
		return channel;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	/** The theme version and answers bound at submission; null without a theme (or before binding existed). */
	public Theme getTheme() {
		return theme;
	}

	public String getThemeCode() {
		return themeCode;
	}

	public List<Case> getCases() {
		return List.copyOf(cases);
	}

	public Instant getConcludedAt() {
		return concludedAt;
	}

	public Rating getRating() {
		return rating;
	}

	public List<Rectification> getRectifications() {
		return List.copyOf(rectifications);
	}

	public Long getRevision() {
		return revision;
	}

	/** Who applies. */
	public record Applicant(String subject, String name) {
	}

	/** Who decides, and for which department. */
	public record Officer(String subject, String departmentCode) {
	}

	/** The catalog item version the application is made under, with its time limits in working days. */
	public record ItemSnapshot(String itemCode, int itemVersion, String name, String departmentCode,
			String departmentName, String licenseType, String licenseName, int licenseValidityYears,
			int promisedDays, int legalDays, List<ItemPublished.RequiredMaterial> materials) {

		public ItemSnapshot {
			materials = materials == null ? List.of() : List.copyOf(materials);
		}

		public ItemSnapshot(String itemCode, int itemVersion, String name, String departmentCode,
				String departmentName, String licenseType, String licenseName, int licenseValidityYears,
				int promisedDays, int legalDays) {
			this(itemCode, itemVersion, name, departmentCode, departmentName, licenseType, licenseName,
					licenseValidityYears, promisedDays, legalDays, List.of());
		}

		public ItemSnapshot(String itemCode, int itemVersion, String name, String departmentCode,
				String departmentName, String licenseType, String licenseName, int licenseValidityYears) {
			this(itemCode, itemVersion, name, departmentCode, departmentName, licenseType, licenseName,
					licenseValidityYears, 0, 0);
		}

	}

	/**
	 * The theme (一件事) an application was submitted under, as bound to the catalog's published plan.
	 *
	 * @param code the theme code
	 * @param version the published theme version whose plan was applied
	 * @param answers the applicant's typed answers to the theme's questions
	 * @param firedRules the plan's rules those answers fired
	 */
	public record Theme(String code, int version, Map<String, Object> answers, List<String> firedRules) {

		public Theme {
			answers = answers == null ? Map.of() : Map.copyOf(answers);
			firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
		}

	}

	/** "{@code before} must be approved before {@code after} starts", as a theme plan gives it. */
	public record OrderConstraint(String before, String after) {
	}

	/**
	 * A material and where it came from (provenance): {@code UPLOAD} (GridFS file id), {@code E_LICENSE} (licence
	 * number, by the applicant's grant) or {@code SHARED_DATA} (exchange access id).
	 */
	public record Material(String materialId, String name, String source, String reference, String contentType,
			long size, String sha256, String addedBy, Instant addedAt, String requirementKey, String providedBy,
			Map<String, Object> data) {

		/** A material that answers no particular requirement (e.g. a supplement). */
		public Material(String materialId, String name, String source, String reference, String contentType, long size,
				String sha256, String addedBy, Instant addedAt) {
			this(materialId, name, source, reference, contentType, size, sha256, addedBy, addedAt, null, null, null);
		}

	}

	/**
	 * A material the application needs (merged over its items by material type / licence type / data resource) and
	 * how far it is: {@link #OUTSTANDING} (the applicant uploads it or picks the e-licence from the wallet),
	 * {@link #PREFILL_PENDING} (being fetched from the exchange), {@link #UPLOAD_NEEDED} (the exchange could not
	 * supply it; {@code note} says why), {@link #AWAITING_LICENSE} (an earlier case of this application issues it),
	 * {@link #SATISFIED} (by {@code materialId}).
	 */
	public record Requirement(String key, String code, String name, String source, boolean required, String condition,
			String licenseType, String dataResource, List<String> itemCodes, String status, String materialId,
			String note) {

		public static final String OUTSTANDING = "OUTSTANDING";

		public static final String PREFILL_PENDING = "PREFILL_PENDING";

		public static final String UPLOAD_NEEDED = "UPLOAD_NEEDED";

		public static final String AWAITING_LICENSE = "AWAITING_LICENSE";

		public static final String SATISFIED = "SATISFIED";

		static List<Requirement> merge(List<ItemSnapshot> items) {
			Set<String> issuedHere = new HashSet<>();
			items.stream().map(ItemSnapshot::licenseType).filter(java.util.Objects::nonNull).forEach(issuedHere::add);
			Map<String, Requirement> merged = new java.util.LinkedHashMap<>();
			for (ItemSnapshot item : items) {
				for (var m : item.materials()) {
					String key = m.mergeKey();
					Requirement existing = merged.get(key);
					if (existing != null) {
						List<String> codes = new ArrayList<>(existing.itemCodes());
						codes.add(item.itemCode());
						merged.put(key, new Requirement(key, existing.code(), existing.name(), existing.source(),
								existing.required() || m.required(), existing.required() || m.required() ? null
										: existing.condition(),
								existing.licenseType(), existing.dataResource(), List.copyOf(codes), existing.status(),
								null, null));
						continue;
					}
					String status = switch (m.source()) {
						case "SHARED_DATA" -> PREFILL_PENDING;
						case "E_LICENSE" -> issuedHere.contains(m.licenseType()) ? AWAITING_LICENSE : OUTSTANDING;
						default -> OUTSTANDING;
					};
					merged.put(key, new Requirement(key, m.code(), m.name(), m.source(), m.required(), m.condition(),
							m.licenseType(), m.dataResource(), List.of(item.itemCode()), status, null, null));
				}
			}
			return new ArrayList<>(merged.values());
		}

		Requirement withStatus(String status, String materialId, String note) {
			return new Requirement(key, code, name, source, required, condition, licenseType, dataResource, itemCodes,
					status, materialId, note);
		}

		boolean acceptsFromApplicant(String materialSource) {
			return switch (materialSource) {
				case "UPLOAD" -> ("UPLOAD".equals(source) && !SATISFIED.equals(status)) || UPLOAD_NEEDED.equals(status)
						|| ("E_LICENSE".equals(source) && OUTSTANDING.equals(status));
				case "E_LICENSE" -> "E_LICENSE".equals(source) && OUTSTANDING.equals(status);
				default -> false;
			};
		}

		String ruleForApplicant() {
			return switch (status) {
				case SATISFIED -> "is already satisfied";
				case PREFILL_PENDING -> "is being fetched from the data-sharing exchange";
				case AWAITING_LICENSE -> "is issued by an earlier case of this application";
				default -> "E_LICENSE".equals(source) ? "must be answered by an e-licence of type " + licenseType
						: "must be answered by an upload";
			};
		}

	}

	/** Fetching shared data: PENDING (next attempt at {@code nextAttemptAt}), DONE, or GAVE_UP (the applicant uploads). */
	public record PrefillState(String status, int attempts, Instant nextAttemptAt, Instant leaseUntil, String lastError) {

		public static final String PENDING = "PENDING";

		public static final String DONE = "DONE";

		public static final String GAVE_UP = "GAVE_UP";

	}

	/** 好差评. */
	public record Rating(int score, String comment, Instant ratedAt) {
	}

	/** A department's rectification of a bad rating (整改), due in 15 working days. */
	public record Rectification(String departmentCode, LocalDate dueDate, String status, String outcome,
			String completedBy, Instant completedAt, Instant openedAt) {
	}

	/** {@code application.ApplicationSubmitted} v1. */
	public record ApplicationSubmitted(String applicationId, String applicantSubject, String channel,
			List<SubmittedCase> cases, Instant submittedAt) {

		public static final String TYPE = "application.ApplicationSubmitted";

		public record SubmittedCase(String caseId, String itemCode, int itemVersion, String departmentCode) {
		}

	}

}
