package org.yiwang.catalog.item;

import java.math.BigDecimal;

/**
 * One charge of an item (收费项目), in yuan, with its legal basis. An item without fees is free (不收费).
 */
public record Fee(String name, BigDecimal amount, String basis) {

	void validate(String field) {
		ItemValidation.requireText(name, field + ".name", 100);
		if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
			throw ItemValidation.invalid(field + ".amount", "must be >= 0 yuan with at most 2 decimals");
		}
		if (amount.signum() > 0) {
			ItemValidation.requireText(basis, field + ".basis", 300);
		}
	}

}
