package org.yiwang.identity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages without cycles; only web speaks HTTP; the crypto knows nothing of the domain. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.yiwang.identity");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.yiwang.identity.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void nothingButWebDependsOnWeb() {
		noClasses().that()
			.resideOutsideOfPackage("org.yiwang.identity.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.yiwang.identity.web..")
			.check(CLASSES);
	}

	@Test
	void theCryptoAndTheValueObjectsKnowNoFramework() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Configuration")
			.and()
			.haveSimpleNameNotEndingWith("Properties")
			.and()
			.resideInAPackage("org.yiwang.identity.pii..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.yiwang.identity.person..", "org.yiwang.identity.enterprise..")
			.check(CLASSES);
	}

}
