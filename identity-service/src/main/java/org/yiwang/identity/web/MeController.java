package org.yiwang.identity.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yiwang.identity.authorization.EnterpriseAuthorizations;
import org.yiwang.identity.authorization.EnterpriseAuthorizations.ActingFor;
import org.yiwang.identity.department.Department;
import org.yiwang.identity.department.Departments;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.shared.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /me}: who am I (from the token), which department am I in, which enterprises may I act for (as legal
 * representative or authorised agent), and how sure the platform is of my real name.
 */
@RestController
@RequestMapping("/api/v1/identity")
class MeController {

	private final NaturalPersons persons;

	private final Departments departments;

	private final EnterpriseAuthorizations authorizations;

	MeController(NaturalPersons persons, Departments departments, EnterpriseAuthorizations authorizations) {
		this.persons = persons;
		this.departments = departments;
		this.authorizations = authorizations;
	}

	@GetMapping("/me")
	Me me() {
		CurrentUser user = CurrentUser.current();
		Optional<NaturalPerson> person = persons.findBySubject(user.subject());
		String departmentName = user.department() == null ? null
				: departments.findById(user.department()).map(Department::getName).orElse(null);
		return new Me(user.subject(), user.username(), user.name(), user.roles(), user.department(), departmentName,
				user.clientId(), authorizations.actingFor(user.subject()),
				person.map(NaturalPerson::getAssuranceLevel).orElse(null),
				person.map(p -> p.getIdNumber().masked()).orElse(null));
	}

	record Me(String subject, String username, String name, Set<String> roles, String department,
			String departmentName, String clientId, List<ActingFor> enterprises, AssuranceLevel assuranceLevel,
			String idNumber) {
	}

}
