package org.yiwang.license.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.license.license.LicenseStatusChanges;
import org.yiwang.license.license.LicenseStatusChanges.Action;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers of the issuing department revoke (注销/吊销), suspend (暂扣) and reinstate a licence, always with a reason
 * and the legal basis, against the revision they saw.
 */
@RestController
@Validated
@RequestMapping("/api/v1/licenses/{number}")
class LicenseStatusController {

	private final LicenseStatusChanges changes;

	LicenseStatusController(LicenseStatusChanges changes) {
		this.changes = changes;
	}

	@PostMapping("/revocation")
	LicenseController.LicenseView revoke(@PathVariable @Size(max = 80) String number,
			@RequestBody @Valid StatusChangeRequest request) {
		return apply(number, Action.REVOKE, request);
	}

	@PostMapping("/suspension")
	LicenseController.LicenseView suspend(@PathVariable @Size(max = 80) String number,
			@RequestBody @Valid StatusChangeRequest request) {
		return apply(number, Action.SUSPEND, request);
	}

	@PostMapping("/reinstatement")
	LicenseController.LicenseView reinstate(@PathVariable @Size(max = 80) String number,
			@RequestBody @Valid StatusChangeRequest request) {
		return apply(number, Action.REINSTATE, request);
	}

	private LicenseController.LicenseView apply(String number, Action action, StatusChangeRequest request) {
		return LicenseController.LicenseView
			.of(changes.apply(number, action, request.reason(), request.legalBasis(), request.revision()));
	}

	/**
	 * @param reason why (zh-CN), shown to the holder
	 * @param legalBasis the provision relied on, e.g. 《食品安全法》第一百三十五条
	 * @param revision the licence revision the officer saw ({@code revision} of the licence view)
	 */
	record StatusChangeRequest(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 300) String legalBasis,
			@NotNull Long revision) {
	}

}
