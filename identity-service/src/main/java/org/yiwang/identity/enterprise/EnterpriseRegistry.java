package org.yiwang.identity.enterprise;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.yiwang.identity.person.CitizenRegistration;
import org.yiwang.identity.person.IdNumber;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The legal-person registry as identity-service knows it. Legal persons are registered by the market-supervision
 * department (SCJG officers or its system, the source of business registrations) or a platform-admin.
 */
@Service
public class EnterpriseRegistry {

	static final String REGISTRAR_DEPARTMENT = "SCJG";

	private final LegalPersons enterprises;

	private final NaturalPersons persons;

	private final PersonalData personalData;

	private final Clock clock = Clock.systemUTC();

	EnterpriseRegistry(LegalPersons enterprises, NaturalPersons persons, PersonalData personalData) {
		this.enterprises = enterprises;
		this.persons = persons;
		this.personalData = personalData;
	}

	public record NewEnterprise(String uscc, String name, EnterpriseType type, String legalRepresentativeName,
			String legalRepresentativeIdNumber) {

		@Override
		public String toString() {
			return "NewEnterprise[" + uscc + "]";
		}

	}

	public LegalPerson register(CurrentUser user, NewEnterprise request) {
		boolean registrar = user.hasRole(CurrentUser.PLATFORM_ADMIN)
				|| (user.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM)
						&& REGISTRAR_DEPARTMENT.equals(user.department()));
		if (!registrar) {
			throw new ForbiddenException("legal persons are registered by market supervision (SCJG)");
		}
		String problem = Uscc.problem(request.uscc());
		if (problem != null) {
			throw new InvalidRequestException(problem, "uscc", "gb32100");
		}
		Uscc uscc = Uscc.of(request.uscc());
		IdNumber representative = CitizenRegistration.parseIdNumber(request.legalRepresentativeIdNumber(),
				"legalRepresentativeIdNumber");
		if (enterprises.existsById(uscc.value())) {
			throw new ConflictException("the enterprise " + uscc + " is registered", "uscc", "unique");
		}
		return enterprises.save(new LegalPerson(uscc, request.name(),
				request.type() != null ? request.type() : EnterpriseType.COMPANY, request.legalRepresentativeName(),
				personalData.protect(representative), user.username(), clock.instant()));
	}

	public LegalPerson get(String uscc) {
		return enterprises.findById(org.yiwang.shared.identity.Usccs.normalise(uscc)).orElseThrow(() -> new NotFoundException("no enterprise " + uscc));
	}

	/** The ID-number hash of the person logged in as this subject, if they are a registered natural person. */
	public Optional<String> idHashOf(String subject) {
		return persons.findBySubject(subject).map(p -> p.getIdNumber().hash());
	}

	public boolean isLegalRepresentative(String subject, LegalPerson enterprise) {
		return idHashOf(subject).map(enterprise::representedBy).orElse(false);
	}

	/** Enterprises whose legal representative is this subject. */
	public List<LegalPerson> representedBy(String subject) {
		return idHashOf(subject).map(enterprises::findByLegalRepresentativeIdHash).orElse(List.of());
	}

}
