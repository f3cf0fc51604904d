package org.yiwang.identity.system;

import java.time.Clock;

import org.yiwang.identity.department.Departments;
import org.yiwang.identity.keycloak.KeycloakAdmin;
import org.yiwang.identity.keycloak.KeycloakAdmin.SystemClient;
import org.yiwang.identity.staff.StaffOnboarding;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * 部门系统接入: a dept-admin registers a system of their own department; Keycloak gets a confidential client
 * {@code dept-<department>-<code>} whose tokens carry {@code department} and the role {@code dept-system}.
 */
@Service
public class SystemOnboarding {

	private final DepartmentSystems systems;

	private final Departments departments;

	private final KeycloakAdmin keycloak;

	private final Clock clock = Clock.systemUTC();

	SystemOnboarding(DepartmentSystems systems, Departments departments, KeycloakAdmin keycloak) {
		this.systems = systems;
		this.departments = departments;
		this.keycloak = keycloak;
	}

	/** The system as registered, and its secret (never stored, shown once). */
	public record Onboarded(DepartmentSystem system, String secret) {

		@Override
		public String toString() {
			return "Onboarded[" + system.getClientId() + "]";
		}

	}

	public Onboarded register(CurrentUser admin, String department, String code, String name) {
		StaffOnboarding.authorise(admin, department);
		if (!departments.existsById(department)) {
			throw new NotFoundException("no department " + department);
		}
		if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw new InvalidRequestException("a system code is 2-40 lower-case letters, digits and hyphens", "code",
					"pattern");
		}
		String clientId = "dept-" + department.toLowerCase() + "-" + code;
		if (systems.existsById(clientId)) {
			throw new ConflictException("the system " + clientId + " exists", "code", "unique");
		}
		SystemClient client = keycloak.createDepartmentSystem(clientId, name, department);
		DepartmentSystem system = systems.save(DepartmentSystem.register(clientId, client.id(), name, department,
				admin.username(), clock.instant()));
		return new Onboarded(system, client.secret());
	}

	public Onboarded rotateSecret(CurrentUser admin, String clientId) {
		DepartmentSystem system = find(admin, clientId);
		if (!system.isEnabled()) {
			throw new ConflictException("the system " + clientId + " is disabled", null, "enabled");
		}
		String secret = keycloak.regenerateSecret(system.getKeycloakId());
		system.secretRotated(clock.instant());
		return new Onboarded(systems.save(system), secret);
	}

	public DepartmentSystem disable(CurrentUser admin, String clientId) {
		DepartmentSystem system = find(admin, clientId);
		keycloak.disableClient(system.getKeycloakId());
		system.disable(admin.username(), clock.instant());
		return systems.save(system);
	}

	/** A system of the caller's department (404 for any other, so names of other departments' systems do not leak). */
	public DepartmentSystem find(CurrentUser admin, String clientId) {
		DepartmentSystem system = systems.findById(clientId)
			.orElseThrow(() -> new NotFoundException("no department system " + clientId));
		if (!admin.hasRole(CurrentUser.PLATFORM_ADMIN)
				&& !(admin.hasRole(CurrentUser.DEPT_ADMIN) && system.getDepartment().equals(admin.department()))) {
			throw new NotFoundException("no department system " + clientId);
		}
		return system;
	}

}
