package org.yiwang.license.web;

import java.util.List;

import org.yiwang.license.type.LicenseType;
import org.yiwang.license.type.LicenseTypes;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The licence types the catalog defines (public, like verification: anyone may learn what a licence means). */
@RestController
@RequestMapping("/api/v1/licenses/types")
class LicenseTypeController {

	private final LicenseTypes types;

	LicenseTypeController(LicenseTypes types) {
		this.types = types;
	}

	@GetMapping
	List<LicenseType> all() {
		return types.findAll(Sort.by("code"));
	}

	@GetMapping("/{code}")
	LicenseType one(@PathVariable String code) {
		return types.findById(code).orElseThrow(() -> new NotFoundException("no licence type " + code));
	}

}
