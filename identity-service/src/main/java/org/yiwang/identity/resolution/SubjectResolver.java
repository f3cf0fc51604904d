package org.yiwang.identity.resolution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.IdNumber;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * 主体解析: tells an allowed platform service who is behind a login subject, with the plain ID number — the one
 * place in the platform that reveals it, because a licence or a prefilled form must carry the real number. Every
 * resolution is written to the log as an audit trail (calling client, subject, masked number), never the plain
 * number.
 */
@Service
public class SubjectResolver {

	private static final Logger log = LoggerFactory.getLogger(SubjectResolver.class);

	private final NaturalPersons persons;

	private final PersonalData personalData;

	private final ResolutionProperties properties;

	SubjectResolver(NaturalPersons persons, PersonalData personalData, ResolutionProperties properties) {
		this.persons = persons;
		this.personalData = personalData;
		this.properties = properties;
	}

	/** Only a platform service's own client on the allow-list; people (platform-admin included) never. */
	public boolean mayResolve(CurrentUser caller) {
		return caller.hasRole(CurrentUser.PLATFORM_SERVICE) && caller.clientId() != null
				&& properties.clients().contains(caller.clientId());
	}

	public Resolution resolve(CurrentUser caller, String subject) {
		if (!mayResolve(caller)) {
			log.warn("subject resolution refused: client={} caller={}", caller.clientId(), caller.subject());
			throw new ForbiddenException("only the platform services " + properties.clients() + " resolve subjects");
		}
		NaturalPerson person = persons.findBySubject(subject).orElse(null);
		if (person == null) {
			log.info("subject resolution: client={} subject={} result=NOT_FOUND", caller.clientId(), subject);
			throw new NotFoundException("no person is bound to this subject");
		}
		IdNumber idNumber = personalData.reveal(person.getIdNumber());
		log.info("subject resolution: client={} subject={} result=RESOLVED idNumber={}", caller.clientId(), subject,
				idNumber.masked());
		return new Resolution(person.getSubject(), person.getUsername(), person.getName(), idNumber.value(),
				idNumber.masked(), person.getAssuranceLevel());
	}

	/** Who is behind a subject; {@link #toString()} shows the masked number only. */
	public record Resolution(String subject, String username, String name, String idNumber, String idNumberMasked,
			AssuranceLevel assuranceLevel) {

		@Override
		public String toString() {
			return "Resolution[" + subject + ", " + idNumberMasked + ", " + assuranceLevel + "]";
		}

	}

}
