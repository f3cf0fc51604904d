package org.yiwang.identity.enterprise;

import java.time.Instant;

import org.yiwang.identity.person.ProtectedValue;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 法人: an enterprise or organisation, by its USCC, with its legal representative (法定代表人). The representative is
 * identified by the keyed hash of their ID number, so they are recognised when they log in, whether they
 * registered before or after the enterprise.
 */
@Document("enterprises")
public class LegalPerson {

	@Id
	private String uscc;

	private String name;

	private EnterpriseType type;

	private String legalRepresentativeName;

	private ProtectedValue legalRepresentativeIdNumber;

	@Indexed
	private String legalRepresentativeIdHash;

	private String registeredBy;

	private Instant registeredAt;

	@Version
	private Long revision;

	@PersistenceCreator
	LegalPerson() {
	}

	public LegalPerson(Uscc uscc, String name, EnterpriseType type, String legalRepresentativeName,
			ProtectedValue legalRepresentativeIdNumber, String registeredBy, Instant registeredAt) {
		this.uscc = uscc.value();
		this.name = name;
		this.type = type;
		this.legalRepresentativeName = legalRepresentativeName;
		this.legalRepresentativeIdNumber = legalRepresentativeIdNumber;
		this.legalRepresentativeIdHash = legalRepresentativeIdNumber.hash();
		this.registeredBy = registeredBy;
		this.registeredAt = registeredAt;
	}

	/** Re-encrypts the representative's ID number with the active key (after a key rotation). */
	public boolean reEncrypt(java.util.function.BiFunction<String, String, String> reEncrypt,
			java.util.function.Predicate<String> stale) {
		if (legalRepresentativeIdNumber != null && stale.test(legalRepresentativeIdNumber.cipher())) {
			legalRepresentativeIdNumber = legalRepresentativeIdNumber.withCipher(
					reEncrypt.apply(org.yiwang.identity.person.NaturalPerson.Fields.ID_NUMBER,
							legalRepresentativeIdNumber.cipher()));
			return true;
		}
		return false;
	}

	public boolean representedBy(String idNumberHash) {
		return idNumberHash != null && idNumberHash.equals(legalRepresentativeIdHash);
	}

	public String getUscc() {
		return uscc;
	}

	public String getName() {
		return name;
	}

	public EnterpriseType getType() {
		return type;
	}

	public String getLegalRepresentativeName() {
		return legalRepresentativeName;
	}

	public ProtectedValue getLegalRepresentativeIdNumber() {
		return legalRepresentativeIdNumber;
	}

	public String getRegisteredBy() {
		return registeredBy;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

}
