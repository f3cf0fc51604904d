package org.yiwang.identity.person;

import org.yiwang.identity.pii.PiiProtector;

import org.springframework.stereotype.Component;

/** Turns personal numbers into what may be stored (ciphertext, keyed hash, mask) and back when really needed. */
@Component
public class PersonalData {

	private final PiiProtector protector;

	PersonalData(PiiProtector protector) {
		this.protector = protector;
	}

	public ProtectedValue protect(IdNumber number) {
		return new ProtectedValue(protector.encrypt(NaturalPerson.Fields.ID_NUMBER, number.value()),
				hash(number), number.masked());
	}

	public ProtectedValue protect(PhoneNumber phone) {
		return phone == null ? null
				: new ProtectedValue(protector.encrypt(NaturalPerson.Fields.PHONE, phone.value()),
						protector.hash(NaturalPerson.Fields.PHONE, phone.value()), phone.masked());
	}

	public String hash(IdNumber number) {
		return protector.hash(NaturalPerson.Fields.ID_NUMBER, number.value());
	}

	public IdNumber reveal(ProtectedValue idNumber) {
		return IdNumber.of(protector.decrypt(NaturalPerson.Fields.ID_NUMBER, idNumber.cipher()));
	}

}
