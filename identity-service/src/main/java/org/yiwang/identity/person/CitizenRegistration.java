package org.yiwang.identity.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.identity.keycloak.KeycloakAdmin;
import org.yiwang.identity.keycloak.KeycloakRequests.NewUser;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * 个人注册: validates the ID number and phone, refuses a second account for the same ID number (keyed hash), creates
 * the Keycloak login with role {@code citizen}, then stores the person with the numbers encrypted. If the local
 * write fails, the login is removed again.
 */
@Service
public class CitizenRegistration {

	private static final Logger log = LoggerFactory.getLogger(CitizenRegistration.class);

	private final NaturalPersons persons;

	private final PersonalData personalData;

	private final KeycloakAdmin keycloak;

	private final Clock clock;

	CitizenRegistration(NaturalPersons persons, PersonalData personalData, KeycloakAdmin keycloak) {
		this.persons = persons;
		this.personalData = personalData;
		this.keycloak = keycloak;
		this.clock = Clock.systemUTC();
	}

	public record Registration(String username, String password, String name, String idNumber, String phone,
			String email) {

		@Override
		public String toString() {
			return "Registration[" + username + "]";
		}

	}

	public NaturalPerson register(Registration registration) {
		IdNumber idNumber = parseIdNumber(registration.idNumber());
		PhoneNumber phone = parsePhone(registration.phone());
		String hash = personalData.hash(idNumber);
		if (persons.existsByIdNumberHash(hash)) {
			throw new ConflictException("an account already exists for this ID number", "idNumber", "unique");
		}
		String subject = keycloak.createUser(new NewUser(registration.username(), registration.name(),
				registration.email(), registration.password(), Map.of()), List.of(CurrentUser.CITIZEN));
		try {
			NaturalPerson person = persons.save(NaturalPerson.register(UUID.randomUUID().toString(), subject,
					registration.username(), registration.name(), personalData.protect(idNumber),
					personalData.protect(phone), registration.email(), AssuranceLevel.SELF_DECLARED, clock.instant()));
			log.info("citizen registered: subject={} idNumber={}", subject, idNumber);
			return person;
		}
		catch (DuplicateKeyException ex) {
			keycloak.deleteUser(subject);
			throw new ConflictException("an account already exists for this ID number", "idNumber", "unique");
		}
	}

	public static IdNumber parseIdNumber(String raw) {
		return parseIdNumber(raw, "idNumber");
	}

	/** Validates an ID number given in the request field {@code field}; a problem names that field. */
	public static IdNumber parseIdNumber(String raw, String field) {
		String problem = raw == null ? "the ID number is required" : IdNumber.problem(raw, LocalDate.now(IdNumber.ZONE));
		if (problem != null) {
			throw new InvalidRequestException(problem, field, "gb11643");
		}
		return IdNumber.of(raw);
	}

	static PhoneNumber parsePhone(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		if (!PhoneNumber.isValid(raw)) {
			throw new InvalidRequestException("a mobile number has 11 digits and starts with 13-19", "phone",
					"mobile");
		}
		return PhoneNumber.of(raw);
	}

}
