package org.yiwang.exchange;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages without cycles; only the web adapter knows about HTTP controllers; the subject rules are pure. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.yiwang.exchange");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.yiwang.exchange.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void onlyTheWebPackageDependsOnIt() {
		noClasses().that()
			.resideOutsideOfPackage("org.yiwang.exchange.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.yiwang.exchange.web..")
			.check(CLASSES);
	}

	@Test
	void subjectNumbersAreFrameworkFree() {
		noClasses().that()
			.resideInAPackage("org.yiwang.exchange.subject..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.bson..", "org.apache.kafka..")
			.check(CLASSES);
	}

}
