package org.yiwang.catalog.item;

/** Consultation (咨询) and complaint (监督投诉) contacts: public office numbers, never a person's mobile. */
public record Contacts(String consultation, String complaint) {

	void validate() {
		ItemValidation.requireText(consultation, "contacts.consultation", 100);
		ItemValidation.requireText(complaint, "contacts.complaint", 100);
	}

}
