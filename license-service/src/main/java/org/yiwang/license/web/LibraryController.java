package org.yiwang.license.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.license.sharing.LicenseLibrary;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-licence library as a provider API of the data exchange (docs/exchange.md, "Provider API contract"): an
 * idempotent read, 200 with the subject's licences, 404 when the subject holds none.
 */
@RestController
@RequestMapping("/api/v1/licenses/library")
class LibraryController {

	private final LicenseLibrary library;

	LibraryController(LicenseLibrary library) {
		this.library = library;
	}

	@PostMapping("/queries")
	LicenseLibrary.Answer query(@RequestBody @Valid Query query) {
		return library.query(query.resourceCode(), query.subject().strip(), query.consumerDepartment(),
				query.purpose());
	}

	/**
	 * @param resourceCode the shared resource the exchange serves (e.g. the licence library's catalog code)
	 * @param subject USCC or ID number
	 * @param fields fields the consumer is granted (the answer's shape is fixed; the exchange drops the rest)
	 * @param consumerDepartment the department the exchange asks for
	 * @param purpose the consumer's stated purpose
	 */
	record Query(@NotBlank @Size(max = 80) String resourceCode, @NotBlank @Size(max = 18) String subject,
			@Size(max = 50) List<@Size(max = 80) String> fields,
			@NotBlank @Pattern(regexp = "[A-Z0-9]{1,16}") String consumerDepartment,
			@NotBlank @Size(max = 500) String purpose, @Size(max = 40) String purposeCategory,
			@Size(max = 80) String applicationId) {

		@Override
		public String toString() {
			return "Query[" + resourceCode + ", " + consumerDepartment + "]";
		}

	}

}
