package org.yiwang.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.yiwang.identity.resolution.SubjectResolver;
import org.yiwang.identity.resolution.SubjectResolver.Resolution;
import org.yiwang.shared.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /subject-resolutions}: platform services (allow-listed clients with role platform-service) learn who
 * is behind a login subject, plain ID number included. A POST so the subject is in no URL or access log, and
 * {@code Cache-Control: no-store} so no cache keeps the answer.
 */
@RestController
@RequestMapping("/api/v1/identity/subject-resolutions")
class SubjectResolutionController {

	private final SubjectResolver resolver;

	SubjectResolutionController(SubjectResolver resolver) {
		this.resolver = resolver;
	}

	@PostMapping
	ResponseEntity<Resolution> resolve(@Valid @RequestBody ResolutionRequest request) {
		Resolution resolution = resolver.resolve(CurrentUser.current(), request.subject().strip());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(resolution);
	}

	record ResolutionRequest(@NotBlank @Size(max = 64) String subject) {
	}

}
