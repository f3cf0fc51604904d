package org.yiwang.exchange.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.exchange.access.DataAccess;
import org.yiwang.exchange.access.DataAnswer;
import org.yiwang.exchange.access.DataQuery;
import org.yiwang.exchange.access.Prefill;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.shared.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Data access by consumer departments: single queries and once-only prefill of an application's materials. */
@RestController
@RequestMapping("/api/v1/exchange")
class DataQueryController {

	private final DataAccess access;

	private final Prefill prefill;

	DataQueryController(DataAccess access, Prefill prefill) {
		this.access = access;
		this.prefill = prefill;
	}

	@PostMapping("/queries")
	DataAnswer query(@Valid @RequestBody QueryRequest request) {
		return access.query(CurrentUser.current(), new DataQuery(request.resourceCode(), request.subject(),
				request.purposeCategory(), request.purpose(), request.applicationId(), request.legalBasis()), "QUERY");
	}

	/** The purpose vocabulary (code and zh-CN label), for request forms. */
	@GetMapping("/purpose-categories")
	List<CategoryView> purposeCategories() {
		return Arrays.stream(PurposeCategory.values()).map(c -> new CategoryView(c, c.label())).toList();
	}

	record CategoryView(PurposeCategory code, String label) {
	}

	@PostMapping("/prefill")
	Prefill.PrefillResult prefill(@Valid @RequestBody PrefillRequest request) {
		return prefill.fill(CurrentUser.current(), request.applicationId(), request.subject(), request.resourceCodes(),
				request.purpose());
	}

	record QueryRequest(@NotBlank @Size(max = 40) String resourceCode, @NotBlank @Size(max = 18) String subject,
			@NotNull PurposeCategory purposeCategory, @NotBlank @Size(max = 500) String purpose,
			@Size(max = 80) String applicationId, @Size(max = 500) String legalBasis) {

		@Override
		public String toString() {
			return "QueryRequest[" + resourceCode + "]";
		}

	}

	record PrefillRequest(@NotBlank @Size(max = 80) String applicationId, @NotBlank @Size(max = 18) String subject,
			@NotNull @Size(min = 1, max = 10) List<@NotBlank String> resourceCodes,
			@NotBlank @Size(max = 500) String purpose) {

		@Override
		public String toString() {
			return "PrefillRequest[" + applicationId + "]";
		}

	}

}
