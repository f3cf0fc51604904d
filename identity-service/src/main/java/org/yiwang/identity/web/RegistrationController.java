package org.yiwang.identity.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.CitizenRegistration;
import org.yiwang.identity.person.NaturalPerson;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 个人注册 (self-registration, no token): creates the login (role citizen) and the person. The assurance level is
 * SELF_DECLARED until a window or a department system verifies it.
 */
@RestController
@RequestMapping("/api/v1/identity/registrations")
class RegistrationController {

	private final CitizenRegistration registration;

	RegistrationController(CitizenRegistration registration) {
		this.registration = registration;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PersonView register(@Valid @RequestBody RegistrationRequest request) {
		NaturalPerson person = registration.register(new CitizenRegistration.Registration(request.username(),
				request.password(), request.name(), request.idNumber(), request.phone(), request.email()));
		return PersonView.of(person);
	}

	record RegistrationRequest(
			@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[a-z0-9._-]+",
					message = "lower-case letters, digits, '.', '_' and '-'") String username,
			@NotBlank @Size(min = 12, max = 128) String password, @NotBlank @Size(max = 64) String name,
			@NotBlank @Size(max = 18) String idNumber, @Size(max = 16) String phone,
			@NotBlank @Email @Size(max = 254) String email) {

		@Override
		public String toString() {
			return "RegistrationRequest[" + username + "]";
		}

	}

	/** A person as shown: numbers masked. */
	record PersonView(String id, String subject, String username, String name, String idNumber, String phone,
			String email, AssuranceLevel assuranceLevel, Instant registeredAt) {

		static PersonView of(NaturalPerson p) {
			return new PersonView(p.getId(), p.getSubject(), p.getUsername(), p.getName(), p.getIdNumber().masked(),
					p.getPhone() != null ? p.getPhone().masked() : null, p.getEmail(), p.getAssuranceLevel(),
					p.getRegisteredAt());
		}

	}

}
