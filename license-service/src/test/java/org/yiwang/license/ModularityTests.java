package org.yiwang.license;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module boundaries: the credential code (signing, verification, status lists) knows nothing of the register, so
 * it runs as an offline verifier; only the web layer sees the web layer; no cycles between feature packages.
 */
class ModularityTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("org.yiwang.license");

	@Test
	void credentialCodeStandsAlone() {
		noClasses().that()
			.resideInAPackage("..license.credential..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.yiwang.license.license..", "org.yiwang.license.sharing..",
					"org.yiwang.license.web..", "org.yiwang.license.messaging..", "org.yiwang.license.paper..",
					"org.springframework.data..", "org.springframework.kafka..", "org.springframework.web..")
			.check(CLASSES);
	}

	@Test
	void onlyTheWebLayerUsesIt() {
		noClasses().that()
			.resideOutsideOfPackage("..license.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..license.web..")
			.check(CLASSES);
	}

	@Test
	void onlyThePiiPackageHandlesTheDataKeys() {
		noClasses().that()
			.resideOutsideOfPackage("..license.pii..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("javax.crypto..")
			.check(CLASSES);
	}

	@Test
	void theDomainCallsIdentityServiceOnlyThroughItsPort() {
		noClasses().that()
			.resideInAnyPackage("..license.license..", "..license.sharing..", "..license.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.yiwang.license.identity..", "org.springframework.web.client..",
					"io.github.resilience4j..")
			.check(CLASSES);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.yiwang.license.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

}
