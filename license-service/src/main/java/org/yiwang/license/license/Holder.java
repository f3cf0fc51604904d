package org.yiwang.license.license;

import org.yiwang.shared.identity.IdNumbers;
import org.yiwang.shared.identity.Usccs;

/**
 * Who holds a licence (持证主体): a person, identified by their 公民身份号码 as resolved from identity-service, or an
 * enterprise, identified by its 统一社会信用代码, in whose name an authorised agent applied. A person without a bound
 * real-name identity is identified only by platform subject and name, and flagged ({@code identityBound=false}).
 *
 * @param type PERSON or ENTERPRISE
 * @param subject the person's platform subject; for an enterprise the agent who applied (the account notified)
 * @param name the person's or enterprise's name
 * @param idType ID_NUMBER, USCC or PLATFORM_SUBJECT
 * @param identifier the ID number (plain, in memory only), the USCC, or the platform subject
 * @param identityBound false when no real-name identity was bound to the subject at issuance
 * @param agentSubject for an enterprise, the agent who applied
 * @param agentName the agent's name
 */
public record Holder(Type type, String subject, String name, IdType idType, String identifier, boolean identityBound,
		String agentSubject, String agentName) {

	public enum Type {

		PERSON, ENTERPRISE

	}

	public enum IdType {

		ID_NUMBER, USCC, PLATFORM_SUBJECT

	}

	public Holder {
		if (type == null || idType == null || subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("a holder needs a type, an identifier type and a subject");
		}
		if (idType == IdType.ID_NUMBER) {
			identifier = IdNumbers.normalise(identifier);
			if (IdNumbers.problem(identifier) != null) {
				// never echo the number
				throw new IllegalArgumentException("the holder's ID number is not valid");
			}
		}
		if (idType == IdType.USCC) {
			identifier = Usccs.normalise(identifier);
		}
		if (idType == IdType.USCC && Usccs.problem(identifier) != null) {
			throw new IllegalArgumentException("the holder's USCC is not valid: " + Usccs.problem(identifier));
		}
	}

	/** A citizen with a bound real-name identity. */
	public static Holder person(String subject, String name, String idNumber) {
		return new Holder(Type.PERSON, subject, name, IdType.ID_NUMBER, idNumber, true, null, null);
	}

	/** A citizen identity-service knows no real-name identity of: name and platform subject only, flagged. */
	public static Holder unboundPerson(String subject, String name) {
		return new Holder(Type.PERSON, subject, name, IdType.PLATFORM_SUBJECT, subject, false, null, null);
	}

	/** An enterprise, with the agent who applied in its name. */
	public static Holder enterprise(String uscc, String name, String agentSubject, String agentName) {
		return new Holder(Type.ENTERPRISE, agentSubject, name, IdType.USCC, uscc, true, agentSubject, agentName);
	}

	/** The identifier as it may be shown (ID numbers masked). */
	public String identifierMasked() {
		return idType == IdType.ID_NUMBER ? IdNumbers.mask(identifier) : identifier;
	}

	@Override
	public String toString() {
		return "Holder[" + type + ", " + idType + " " + identifierMasked() + "]";
	}

}
