package org.yiwang.identity.web;

import org.yiwang.identity.keys.PiiReEncryption;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation and re-encryption of personal data: platform-admin only. */
@RestController
@RequestMapping("/api/v1/identity/pii-keys")
class PiiKeyController {

	private final PiiReEncryption reEncryption;

	PiiKeyController(PiiReEncryption reEncryption) {
		this.reEncryption = reEncryption;
	}

	@PostMapping("/rotate")
	PiiReEncryption.Result rotate() {
		requireAdmin();
		return reEncryption.rotateAndReEncrypt();
	}

	@PostMapping("/re-encrypt")
	PiiReEncryption.Result reEncrypt() {
		requireAdmin();
		return reEncryption.reEncryptAll();
	}

	private static void requireAdmin() {
		if (!CurrentUser.current().hasRole(CurrentUser.PLATFORM_ADMIN)) {
			throw new ForbiddenException("only a platform-admin manages the personal-data keys");
		}
	}

}
