package org.yiwang.license.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.license.sharing.Grant;
import org.yiwang.license.sharing.LicenseSharing;
import org.yiwang.license.sharing.LicenseUse;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The holder shares a licence (grants, withdrawals) and sees who used it. */
@RestController
@Validated
@RequestMapping("/api/v1/licenses/{number}")
class SharingController {

	private final LicenseSharing sharing;

	SharingController(LicenseSharing sharing) {
		this.sharing = sharing;
	}

	@PostMapping("/grants")
	@ResponseStatus(HttpStatus.CREATED)
	GrantView grant(@PathVariable @Size(max = 80) String number, @RequestBody @Valid GrantRequest request) {
		return GrantView.of(sharing.grant(number, request.granteeType(), request.grantee(), request.purpose(),
				request.onceOnly() != null && request.onceOnly(), request.expiresAt()));
	}

	@GetMapping("/grants")
	PageView<GrantView> grants(@PathVariable @Size(max = 80) String number) {
		return PageView.of(new PageImpl<>(sharing.grants(number)).map(GrantView::of));
	}

	@DeleteMapping("/grants/{grantId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable @Size(max = 80) String number, @PathVariable @Size(max = 80) String grantId) {
		sharing.withdraw(number, grantId);
	}

	@GetMapping("/uses")
	PageView<LicenseUse> uses(@PathVariable @Size(max = 80) String number,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(sharing.uses(number, page, size));
	}

	/**
	 * @param granteeType DEPARTMENT or APPLICATION
	 * @param grantee a department code, or an application id
	 * @param purpose what the licence is used for (zh-CN), shown in the usage log
	 * @param expiresAt end of the grant, at most 90 days ahead
	 * @param onceOnly usable for a single read
	 */
	record GrantRequest(@NotNull Grant.GranteeType granteeType, @NotBlank @Size(max = 80) String grantee,
			@NotBlank @Size(max = 200) String purpose, @NotNull Instant expiresAt, Boolean onceOnly) {
	}

	record GrantView(String id, String licenseNumber, Grant.GranteeType granteeType, String grantee, String purpose,
			boolean onceOnly, Instant createdAt, Instant expiresAt, Instant usedAt, Instant withdrawnAt) {

		static GrantView of(Grant g) {
			return new GrantView(g.getId(), g.getLicenseNumber(), g.getGranteeType(), g.getGrantee(), g.getPurpose(),
					g.isOnceOnly(), g.getCreatedAt(), g.getExpiresAt(), g.getUsedAt(), g.getWithdrawnAt());
		}

	}

}
