package org.yiwang.identity.person;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 自然人: a person known to the platform, bound to one Keycloak login ({@code subject}). The ID number and the phone
 * number are held only as {@link ProtectedValue}s; one person per ID number (unique index on its keyed hash).
 */
@Document("persons")
public class NaturalPerson {

	@Id
	private String id;

	@Indexed(unique = true)
	private String subject;

	private String username;

	private String name;

	private ProtectedValue idNumber;

	@Indexed(unique = true)
	private String idNumberHash;

	private ProtectedValue phone;

	@Indexed
	private String phoneHash;

	private String email;

	private AssuranceLevel assuranceLevel;

	private Instant registeredAt;

	private Instant verifiedAt;

	private String verifiedBy;

	@Version
	private Long revision;

	@PersistenceCreator
	NaturalPerson() {
	}

	public static NaturalPerson register(String id, String subject, String username, String name,
			ProtectedValue idNumber, ProtectedValue phone, String email, AssuranceLevel level, Instant now) {
		NaturalPerson person = new NaturalPerson();
		person.id = id;
		person.subject = subject;
		person.username = username;
		person.name = name;
		person.idNumber = idNumber;
		person.idNumberHash = idNumber.hash();
		person.phone = phone;
		person.phoneHash = phone != null ? phone.hash() : null;
		person.email = email;
		person.assuranceLevel = level;
		person.registeredAt = now;
		if (level != AssuranceLevel.SELF_DECLARED) {
			person.verifiedAt = now;
		}
		return person;
	}

	/** Raises the real-name assurance level; lowering is refused (a verification cannot be undone by another). */
	public void verify(AssuranceLevel level, String by, Instant now) {
		if (!level.atLeast(assuranceLevel)) {
			throw new IllegalStateException("the assurance level is already " + assuranceLevel);
		}
		assuranceLevel = level;
		verifiedBy = by;
		verifiedAt = now;
	}

	/** Re-encrypts with the active key (after a key rotation); hashes and masks do not change. */
	public boolean reEncrypt(java.util.function.BiFunction<String, String, String> reEncrypt,
			java.util.function.Predicate<String> stale) {
		boolean changed = false;
		if (idNumber != null && stale.test(idNumber.cipher())) {
			idNumber = idNumber.withCipher(reEncrypt.apply(Fields.ID_NUMBER, idNumber.cipher()));
			changed = true;
		}
		if (phone != null && stale.test(phone.cipher())) {
			phone = phone.withCipher(reEncrypt.apply(Fields.PHONE, phone.cipher()));
			changed = true;
		}
		return changed;
	}

	/** Names of the protected fields, used as associated data and hash domain. */
	public static final class Fields {

		public static final String ID_NUMBER = "idNumber";

		public static final String PHONE = "phone";

		private Fields() {
		}

	}

	public String getId() {
		return id;
	}

	public String getSubject() {
		return subject;
	}

	public String getUsername() {
		return username;
	}

	public String getName() {
		return name;
	}

	public ProtectedValue getIdNumber() {
		return idNumber;
	}

	public ProtectedValue getPhone() {
		return phone;
	}

	public String getEmail() {
		return email;
	}

	public AssuranceLevel getAssuranceLevel() {
		return assuranceLevel;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

	public Instant getVerifiedAt() {
		return verifiedAt;
	}

	public String getVerifiedBy() {
		return verifiedBy;
	}

}
