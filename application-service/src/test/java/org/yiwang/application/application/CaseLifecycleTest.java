package org.yiwang.application.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiwang.application.calendar.WorkingCalendar;
import org.yiwang.application.supervision.StatutoryClock;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case lifecycle rules on the aggregate, without infrastructure. */
class CaseLifecycleTest {

	static final Actor SCJG = Actor.department("officer-scjg", "SCJG");

	static final Actor APPLICANT = Actor.applicant("zhangsan");

	static final WorkingCalendar WEEKDAYS = new WorkingCalendar("CN", List.of());

	static Instant day(int month, int dayOfMonth) {
		return LocalDate.of(2026, month, dayOfMonth).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}

	static Application.ItemSnapshot item(String code, String dept) {
		return new Application.ItemSnapshot(code, 1, "事项" + code, dept, dept + "局", null, null, 0, 10, 20);
	}

	static Application single() {
		return Application.submit(new Application.Applicant("zhangsan", "张三"), item("A", "SCJG"), "ONLINE",
				day(3, 2));
	}

	static String caseId(Application a) {
		return a.getCases().get(0).getCaseId();
	}

	@Test
	void correctionLoopPausesTheClockAndReturnsToTheStepItCameFrom() {
		Application a = single();
		String id = caseId(a);
		a.accept(id, SCJG, day(3, 2)); // Monday
		a.startReview(id, SCJG, day(3, 3));
		a.requestCorrection(id, SCJG, List.of("营业执照副本不清晰", "缺少场地平面图", "缺少场地平面图"), day(3, 4));
		assertThat(a.caseOf(id).getCorrection().deficiencies()).containsExactly("营业执照副本不清晰", "缺少场地平面图");
		assertThat(a.status()).isEqualTo("WAITING_FOR_APPLICANT");
		// while waiting on the applicant the clock stands still
		StatutoryClock waiting = StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 11));
		assertThat(waiting.paused()).isTrue();
		assertThat(waiting.usedDays()).isEqualTo(2);
		a.supplement(id, APPLICANT, "已补交", day(3, 11)); // a week later
		a.recheck(id, SCJG, day(3, 12));
		assertThat(a.caseOf(id).getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
		StatutoryClock after = StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 12));
		assertThat(after.paused()).isFalse();
		assertThat(after.pausedDays()).isEqualTo(5);
		assertThat(after.usedDays()).isEqualTo(3);
		assertThat(after.promisedDeadline()).isEqualTo(LocalDate.of(2026, 3, 23)); // 10 + 5 paused working days
		a.approve(id, SCJG, day(3, 13));
		assertThat(a.status()).isEqualTo("CONCLUDED");
	}

	@Test
	void onlyOneCorrectionNoticePerCase() {
		Application a = single();
		String id = caseId(a);
		a.requestCorrection(id, SCJG, List.of("缺少身份证明"), day(3, 2));
		a.supplement(id, APPLICANT, "补交", day(3, 3));
		a.recheck(id, SCJG, day(3, 3));
		assertThat(a.caseOf(id).getStatus()).isEqualTo(CaseStatus.SUBMITTED);
		assertThatThrownBy(() -> a.requestCorrection(id, SCJG, List.of("又缺一项"), day(3, 4)))
			.isInstanceOf(ConflictException.class)
			.extracting(e -> ((ConflictException) e).rule())
			.asString()
			.contains("一次性告知");
	}

	@Test
	void refusedTransitionsNameTheRule() {
		Application a = single();
		String id = caseId(a);
		assertThatThrownBy(() -> a.startReview(id, SCJG, day(3, 2))).isInstanceOf(ConflictException.class)
			.extracting(e -> ((ConflictException) e).rule())
			.isEqualTo("START_REVIEW requires status ACCEPTED and actor DEPARTMENT");
		assertThatThrownBy(() -> a.supplement(id, APPLICANT, "x", day(3, 2))).isInstanceOf(ConflictException.class);
		// another department's officer: the case does not exist for it
		assertThatThrownBy(() -> a.accept(id, Actor.department("o", "WSJK"), day(3, 2)))
			.isInstanceOf(NotFoundException.class);
		// someone else's application
		assertThatThrownBy(() -> a.withdraw(null, Actor.applicant("lisi"), "x", day(3, 2)))
			.isInstanceOf(NotFoundException.class);
		a.reject(id, SCJG, "不属于本机关职权范围", day(3, 2));
		assertThatThrownBy(() -> a.approve(id, SCJG, day(3, 3))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> a.withdraw(null, APPLICANT, "x", day(3, 3))).isInstanceOf(ConflictException.class);
	}

	@Test
	void specialProcedurePausesTheClockWithItsReason() {
		Application a = single();
		String id = caseId(a);
		a.accept(id, SCJG, day(3, 2));
		a.startSpecialProcedure(id, SCJG, "INSPECTION", "现场核查经营场所", day(3, 3));
		assertThatThrownBy(() -> a.approve(id, SCJG, day(3, 4))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> a.startSpecialProcedure(id, SCJG, "PARTY", "x", day(3, 4)))
			.isInstanceOf(ConflictException.class);
		a.endSpecialProcedure(id, SCJG, "核查合格", day(3, 10));
		assertThat(a.caseOf(id).getStatus()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(a.caseOf(id).getPauses()).singleElement().satisfies(p -> {
			assertThat(p.kind()).isEqualTo("INSPECTION");
			assertThat(p.reason()).isEqualTo("现场核查经营场所");
		});
		StatutoryClock clock = StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 10));
		assertThat(clock.usedDays()).isEqualTo(1);
		assertThat(clock.pausedDays()).isEqualTo(5);
	}

	@Test
	void sendBackReturnsToThePreviousStep() {
		Application a = single();
		String id = caseId(a);
		a.accept(id, SCJG, day(3, 2));
		a.startReview(id, SCJG, day(3, 2));
		a.sendBack(id, SCJG, "重新分派审查人员", day(3, 3));
		assertThat(a.caseOf(id).getStatus()).isEqualTo(CaseStatus.ACCEPTED);
		a.startReview(id, SCJG, day(3, 3));
		a.requestCorrection(id, SCJG, List.of("缺少卫生许可"), day(3, 3));
		a.supplement(id, APPLICANT, "补交", day(3, 4));
		a.sendBack(id, SCJG, "补正材料仍不符合要求", day(3, 5));
		assertThat(a.caseOf(id).getStatus()).isEqualTo(CaseStatus.CORRECTION_REQUESTED);
		assertThat(StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 9)).paused()).isTrue();
	}

	@Test
	void clockLevelsAtEightyPercentAndPastThePromisedLimit() {
		Application a = single(); // promised 10, legal 20
		String id = caseId(a);
		a.accept(id, SCJG, day(3, 2));
		assertThat(StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 12)).level()).isEqualTo(StatutoryClock.Level.YELLOW);
		assertThat(StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 11)).level()).isEqualTo(StatutoryClock.Level.GREEN);
		assertThat(StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 16)).level()).isEqualTo(StatutoryClock.Level.YELLOW);
		assertThat(StatutoryClock.of(a.caseOf(id), WEEKDAYS, day(3, 17)).level()).isEqualTo(StatutoryClock.Level.RED);
	}

	@Test
	void themeCasesWaitForTheirPredecessorAndStartWhenItIsApproved() {
		Application a = Application.submit(new Application.Applicant("zhangsan", "张三"), "KAI-CAN-GUAN",
				List.of(item("SCJG-1", "SCJG"), item("XFJY-1", "XFJY"), item("WSJK-1", "WSJK")),
				List.of(new Application.OrderConstraint("XFJY-1", "SCJG-1")), "ONLINE", day(3, 2));
		Case food = a.getCases().get(0);
		Case fire = a.getCases().get(1);
		assertThat(food.getStatus()).isEqualTo(CaseStatus.WAITING);
		assertThat(fire.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
		assertThatThrownBy(() -> a.accept(food.getCaseId(), SCJG, day(3, 2))).isInstanceOf(ConflictException.class);
		a.approve(fire.getCaseId(), Actor.department("o", "XFJY"), day(3, 3));
		assertThat(a.caseOf(food.getCaseId()).getStatus()).isEqualTo(CaseStatus.SUBMITTED);
		assertThat(a.status()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void aDeniedPredecessorTerminatesItsDependentsAndTheResultIsCombinedOnce() {
		Application a = Application.submit(new Application.Applicant("zhangsan", "张三"), null,
				List.of(item("A", "SCJG"), item("B", "XFJY")), List.of(new Application.OrderConstraint("B", "A")),
				"ONLINE", day(3, 2));
		a.deny(a.getCases().get(1).getCaseId(), Actor.department("o", "XFJY"), "消防验收不合格", "《消防法》第十三条",
				day(3, 3));
		assertThat(a.getCases().get(0).getStatus()).isEqualTo(CaseStatus.TERMINATED);
		assertThat(a.status()).isEqualTo("CONCLUDED");
		assertThat(a.getConcludedAt()).isEqualTo(day(3, 3));
	}

	@Test
	void orderConstraintsMustNameListedItemsAndNotCycle() {
		Application.Applicant who = new Application.Applicant("zhangsan", "张三");
		List<Application.ItemSnapshot> items = List.of(item("A", "SCJG"), item("B", "XFJY"), item("C", "WSJK"));
		assertThatThrownBy(() -> Application.submit(who, null, items,
				List.of(new Application.OrderConstraint("A", "B"), new Application.OrderConstraint("B", "C"),
						new Application.OrderConstraint("C", "A")),
				"ONLINE", day(3, 2)))
			.isInstanceOf(InvalidRequestException.class)
			.extracting(e -> ((InvalidRequestException) e).field())
			.isEqualTo("order");
		assertThatThrownBy(() -> Application.submit(who, null, items,
				List.of(new Application.OrderConstraint("A", "Z")), "ONLINE", day(3, 2)))
			.extracting(e -> ((InvalidRequestException) e).field())
			.isEqualTo("order[0].after");
		assertThatThrownBy(() -> Application.submit(who, null, List.of(item("A", "SCJG"), item("A", "SCJG")),
				List.of(), "ONLINE", day(3, 2)))
			.extracting(e -> ((InvalidRequestException) e).field())
			.isEqualTo("itemCodes[1]");
	}

	@Test
	void everyActionIsAllowedFromAtLeastOneOpenStatusAndNoneFromAConcludedOne() {
		for (CaseAction action : CaseAction.values()) {
			assertThat(action.from()).isNotEmpty();
			if (action == CaseAction.OVERTURN) {
				// the one action on a concluded case: setting an approval aside (撤销准予)
				assertThat(action.from()).containsExactly(CaseStatus.APPROVED);
				continue;
			}
			assertThat(action.from()).noneMatch(CaseStatus::concluded);
		}
	}

	@Test
	void requirementsAreMergedOverItemsAndKnowWhereEachMaterialComesFrom() {
		var idCard = new org.yiwang.shared.contracts.ItemPublished.RequiredMaterial("ID_CARD", "身份证明", "SHARED_DATA",
				false, "外籍人士", null, "GA-POPULATION");
		var idCardRequired = new org.yiwang.shared.contracts.ItemPublished.RequiredMaterial("ID_CARD", "身份证明",
				"SHARED_DATA", true, null, null, "GA-POPULATION");
		var foodLicence = new org.yiwang.shared.contracts.ItemPublished.RequiredMaterial("FOOD_LICENSE", "食品经营许可证",
				"E_LICENSE", true, null, "FOOD", null);
		var lease = new org.yiwang.shared.contracts.ItemPublished.RequiredMaterial("LEASE", "租赁合同", "UPLOAD", true, null,
				null, null);
		var a = new Application.ItemSnapshot("A", 1, "A", "SCJG", "市场监管", "FOOD", "食品经营许可证", 5, 10, 20,
				List.of(idCard, lease));
		var b = new Application.ItemSnapshot("B", 1, "B", "XFJY", "消防", null, null, 0, 10, 20,
				List.of(idCardRequired, foodLicence, lease));
		Application application = Application.submit(new Application.Applicant("s", "n"), "T", List.of(a, b), List.of(),
				"ONLINE", day(3, 2));
		assertThat(application.getRequirements()).extracting(Application.Requirement::key)
			.containsExactly("SHARED_DATA:GA-POPULATION", "UPLOAD:LEASE", "E_LICENSE:FOOD");
		Application.Requirement merged = application.requirement("SHARED_DATA:GA-POPULATION");
		assertThat(merged.itemCodes()).containsExactly("A", "B");
		assertThat(merged.required()).isTrue(); // required by B, so required for the application
		assertThat(merged.status()).isEqualTo(Application.Requirement.PREFILL_PENDING);
		// the food licence is issued by case A of this very application: nobody uploads it
		assertThat(application.requirement("E_LICENSE:FOOD").status()).isEqualTo(Application.Requirement.AWAITING_LICENSE);
		assertThat(application.getPrefill().status()).isEqualTo(Application.PrefillState.PENDING);
		assertThat(application.getVisits()).isZero();
		assertThatThrownBy(() -> application.requirement("UPLOAD:NOPE")).isInstanceOf(InvalidRequestException.class);
	}

}
