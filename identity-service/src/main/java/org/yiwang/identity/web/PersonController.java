package org.yiwang.identity.web;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.CitizenRegistration;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;
import org.yiwang.identity.web.RegistrationController.PersonView;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Natural persons: my own record; a lookup by ID number for window clerks and officers (by keyed hash, answer
 * masked); raising the real-name assurance level (window clerk: in person; department system or platform-admin:
 * verified by ID).
 */
@RestController
@Validated
@RequestMapping("/api/v1/identity/persons")
class PersonController {

	private final NaturalPersons persons;

	private final PersonalData personalData;

	private final Clock clock = Clock.systemUTC();

	PersonController(NaturalPersons persons, PersonalData personalData) {
		this.persons = persons;
		this.personalData = personalData;
	}

	@GetMapping("/me")
	PersonView me() {
		return persons.findBySubject(CurrentUser.current().subject())
			.map(PersonView::of)
			.orElseThrow(() -> new NotFoundException("you have no real-name record yet"));
	}

	@GetMapping
	PersonView byIdNumber(@RequestParam @Size(max = 18) String idNumber) {
		CurrentUser user = CurrentUser.current();
		if (!user.hasAnyRole(CurrentUser.WINDOW_CLERK, CurrentUser.OFFICER, CurrentUser.PLATFORM_ADMIN)) {
			throw new ForbiddenException("only staff look persons up");
		}
		String hash = personalData.hash(CitizenRegistration.parseIdNumber(idNumber));
		return persons.findByIdNumberHash(hash)
			.map(PersonView::of)
			.orElseThrow(() -> new NotFoundException("no person with this ID number"));
	}

	@PostMapping("/{id}/verifications")
	PersonView verify(@PathVariable @Size(max = 64) String id, @Valid @RequestBody VerificationRequest request) {
		CurrentUser user = CurrentUser.current();
		boolean allowed = switch (request.level()) {
			case IN_PERSON -> user.hasRole(CurrentUser.WINDOW_CLERK);
			case ID_VERIFIED -> user.hasAnyRole(CurrentUser.DEPT_SYSTEM, CurrentUser.PLATFORM_ADMIN,
					CurrentUser.WINDOW_CLERK);
			case SELF_DECLARED -> false;
		};
		if (!allowed) {
			throw new ForbiddenException("you cannot verify persons at level " + request.level());
		}
		NaturalPerson person = persons.findById(id).orElseThrow(() -> new NotFoundException("no person " + id));
		try {
			person.verify(request.level(), user.username(), clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new ConflictException(ex.getMessage(), "level", "raise-only");
		}
		return PersonView.of(persons.save(person));
	}

	record VerificationRequest(@NotNull AssuranceLevel level) {
	}

}
