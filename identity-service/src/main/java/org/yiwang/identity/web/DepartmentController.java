package org.yiwang.identity.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.identity.department.Department;
import org.yiwang.identity.department.Departments;
import org.yiwang.identity.staff.Staff;
import org.yiwang.identity.staff.StaffMember;
import org.yiwang.identity.staff.StaffOnboarding;
import org.yiwang.identity.system.DepartmentSystem;
import org.yiwang.identity.system.DepartmentSystems;
import org.yiwang.identity.system.SystemOnboarding;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Departments (any authenticated caller may read them), their staff and their systems (dept-admin of the
 * department, or platform-admin).
 */
@RestController
@Validated
@RequestMapping("/api/v1/identity")
class DepartmentController {

	private final Departments departments;

	private final Staff staff;

	private final StaffOnboarding staffOnboarding;

	private final DepartmentSystems systems;

	private final SystemOnboarding systemOnboarding;

	DepartmentController(Departments departments, Staff staff, StaffOnboarding staffOnboarding,
			DepartmentSystems systems, SystemOnboarding systemOnboarding) {
		this.departments = departments;
		this.staff = staff;
		this.staffOnboarding = staffOnboarding;
		this.systems = systems;
		this.systemOnboarding = systemOnboarding;
	}

	@GetMapping("/departments")
	PageView<Department> departments(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
		return PageView.of(departments.findAll(PageRequest.of(page, size, Sort.by("code"))));
	}

	@GetMapping("/departments/{code}")
	Department department(@PathVariable @Size(max = 32) String code) {
		return departments.findById(code).orElseThrow(() -> new NotFoundException("no department " + code));
	}

	@PostMapping("/departments/{code}/staff")
	@ResponseStatus(HttpStatus.CREATED)
	StaffView onboard(@PathVariable @Size(max = 32) String code, @Valid @RequestBody StaffRequest request) {
		return StaffView.of(staffOnboarding.onboard(CurrentUser.current(), code, new StaffOnboarding.Onboarding(
				request.username(), request.name(), request.email(), request.initialPassword(), request.roles())));
	}

	@GetMapping("/departments/{code}/staff")
	PageView<StaffView> staff(@PathVariable @Size(max = 32) String code,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		StaffOnboarding.authorise(CurrentUser.current(), code);
		return PageView.of(staff.findByDepartment(code, PageRequest.of(page, size, Sort.by("username")))
			.map(StaffView::of));
	}

	@PostMapping("/departments/{code}/systems")
	@ResponseStatus(HttpStatus.CREATED)
	SystemWithSecret registerSystem(@PathVariable @Size(max = 32) String code,
			@Valid @RequestBody SystemRequest request) {
		SystemOnboarding.Onboarded onboarded = systemOnboarding.register(CurrentUser.current(), code, request.code(),
				request.name());
		return SystemWithSecret.of(onboarded);
	}

	@GetMapping("/departments/{code}/systems")
	PageView<SystemView> systems(@PathVariable @Size(max = 32) String code,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		StaffOnboarding.authorise(CurrentUser.current(), code);
		return PageView.of(systems.findByDepartment(code, PageRequest.of(page, size, Sort.by("clientId")))
			.map(SystemView::of));
	}

	@PostMapping("/department-systems/{clientId}/rotate-secret")
	SystemWithSecret rotate(@PathVariable @Size(max = 80) String clientId) {
		return SystemWithSecret.of(systemOnboarding.rotateSecret(CurrentUser.current(), clientId));
	}

	@PostMapping("/department-systems/{clientId}/disable")
	SystemView disable(@PathVariable @Size(max = 80) String clientId) {
		return SystemView.of(systemOnboarding.disable(CurrentUser.current(), clientId));
	}

	record StaffRequest(
			@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[a-z0-9._-]+",
					message = "lower-case letters, digits, '.', '_' and '-'") String username,
			@NotBlank @Size(max = 64) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(min = 12, max = 128) String initialPassword,
			@NotEmpty @Size(max = 3) List<@NotBlank String> roles) {

		@Override
		public String toString() {
			return "StaffRequest[" + username + "]";
		}

	}

	record StaffView(String subject, String username, String name, String department, List<String> roles,
			String onboardedBy, Instant onboardedAt) {

		static StaffView of(StaffMember s) {
			return new StaffView(s.getSubject(), s.getUsername(), s.getName(), s.getDepartment(), s.getRoles(),
					s.getOnboardedBy(), s.getOnboardedAt());
		}

	}

	record SystemRequest(@NotBlank @Size(min = 2, max = 40) String code, @NotBlank @Size(max = 80) String name) {
	}

	record SystemView(String clientId, String name, String department, boolean enabled, String registeredBy,
			Instant registeredAt, Instant secretRotatedAt, Instant disabledAt) {

		static SystemView of(DepartmentSystem s) {
			return new SystemView(s.getClientId(), s.getName(), s.getDepartment(), s.isEnabled(), s.getRegisteredBy(),
					s.getRegisteredAt(), s.getSecretRotatedAt(), s.getDisabledAt());
		}

	}

	/** Returned ONCE, on registration and rotation: the platform keeps no copy of the secret. */
	record SystemWithSecret(String clientId, String name, String department, boolean enabled, String clientSecret,
			Instant secretRotatedAt) {

		static SystemWithSecret of(SystemOnboarding.Onboarded onboarded) {
			DepartmentSystem s = onboarded.system();
			return new SystemWithSecret(s.getClientId(), s.getName(), s.getDepartment(), s.isEnabled(),
					onboarded.secret(), s.getSecretRotatedAt());
		}

		@Override
		public String toString() {
			return "SystemWithSecret[" + clientId + "]";
		}

	}

}
