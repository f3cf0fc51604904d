package org.yiwang.application;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Module boundaries of the service: feature packages without cycles, web on top, pure time arithmetic. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.yiwang.application");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.yiwang.application.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void nothingDependsOnTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("org.yiwang.application.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.yiwang.application.web..")
			.check(CLASSES);
	}

	@Test
	void calendarArithmeticClocksAndTheTransitionTableAreFrameworkFree() {
		noClasses().that()
			.haveFullyQualifiedName("org.yiwang.application.calendar.WorkingCalendar")
			.or()
			.haveFullyQualifiedName("org.yiwang.application.calendar.CalendarYear")
			.or()
			.haveFullyQualifiedName("org.yiwang.application.supervision.StatutoryClock")
			.or()
			.haveFullyQualifiedName("org.yiwang.application.application.CaseAction")
			.or()
			.haveFullyQualifiedName("org.yiwang.application.application.CaseStatus")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
					"tools.jackson..")
			.check(CLASSES);
	}

}
