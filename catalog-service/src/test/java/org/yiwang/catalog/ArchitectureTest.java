package org.yiwang.catalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages stay acyclic; only the web layer knows HTTP; the plan arithmetic is pure. */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.yiwang.catalog");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.yiwang.catalog.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void nothingDependsOnTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("org.yiwang.catalog.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.yiwang.catalog.web..")
			.check(CLASSES);
	}

	@Test
	void planningAndRulesAreFreeOfSpringAndMongo() {
		noClasses().that()
			.resideInAnyPackage("org.yiwang.catalog.plan..")
			.or()
			.haveSimpleNameStartingWith("ThemeDefinition")
			.or()
			.haveSimpleName("Satisfiability")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "com.mongodb..", "org.apache.kafka..")
			.check(CLASSES);
	}

}
