package org.yiwang.catalog.item;

/** A handling location (办理地点) with its opening hours (办理时间). */
public record Location(String name, String address, String hours) {

	void validate(String field) {
		ItemValidation.requireText(name, field + ".name", 100);
		ItemValidation.requireText(address, field + ".address", 200);
		ItemValidation.requireText(hours, field + ".hours", 100);
	}

}
