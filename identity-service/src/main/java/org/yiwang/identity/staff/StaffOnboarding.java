package org.yiwang.identity.staff;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiwang.identity.department.Departments;
import org.yiwang.identity.keycloak.KeycloakAdmin;
import org.yiwang.identity.keycloak.KeycloakRequests.NewUser;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * 工作人员开户: a dept-admin onboards staff into THEIR OWN department only, with department roles only. Roles that
 * reach across departments (supervisor, platform-admin) or belong to machines (dept-system, partner-app) can never
 * be granted this way; a platform-admin may onboard into any department.
 */
@Service
public class StaffOnboarding {

	/** What a dept-admin may grant. */
	public static final Set<String> GRANTABLE = Set.of(CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN,
			CurrentUser.WINDOW_CLERK);

	private final Staff staff;

	private final Departments departments;

	private final KeycloakAdmin keycloak;

	private final Clock clock = Clock.systemUTC();

	StaffOnboarding(Staff staff, Departments departments, KeycloakAdmin keycloak) {
		this.staff = staff;
		this.departments = departments;
		this.keycloak = keycloak;
	}

	public record Onboarding(String username, String name, String email, String initialPassword, List<String> roles) {

		@Override
		public String toString() {
			return "Onboarding[" + username + "]";
		}

	}

	public StaffMember onboard(CurrentUser admin, String department, Onboarding onboarding) {
		authorise(admin, department);
		if (!departments.existsById(department)) {
			throw new NotFoundException("no department " + department);
		}
		Set<String> roles = new LinkedHashSet<>(onboarding.roles() == null ? List.of() : onboarding.roles());
		if (roles.isEmpty()) {
			throw new InvalidRequestException("at least one role is required", "roles", "required");
		}
		for (String role : roles) {
			if (!GRANTABLE.contains(role)) {
				throw new ForbiddenException("the role " + role + " cannot be granted by staff onboarding", "roles",
						"grantable");
			}
		}
		String subject = keycloak.createUser(new NewUser(onboarding.username(), onboarding.name(), onboarding.email(),
				onboarding.initialPassword(), Map.of("department", List.of(department))), roles);
		return staff.save(new StaffMember(subject, onboarding.username(), onboarding.name(), department,
				List.copyOf(roles), admin.username(), clock.instant()));
	}

	/** dept-admin of that department, or platform-admin. */
	public static void authorise(CurrentUser user, String department) {
		if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			return;
		}
		if (!user.hasRole(CurrentUser.DEPT_ADMIN)) {
			throw new ForbiddenException("only a department admin manages a department's staff and systems");
		}
		user.requireDepartment(department);
	}

}
