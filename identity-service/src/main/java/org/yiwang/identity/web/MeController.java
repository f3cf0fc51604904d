package org.yiwang.identity.web;

import java.util.List;
import java.util.Set;

import org.yiwang.shared.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /me}: who am I, which department am I in. Enterprise authorisations (which enterprises I may act for)
 * come with the identity issue; until then the list is empty.
 */
@RestController
@RequestMapping("/api/v1/identity")
class MeController {

	@GetMapping("/me")
	Me me() {
		CurrentUser user = CurrentUser.current();
		return new Me(user.subject(), user.username(), user.name(), user.roles(), user.department(),
				user.clientId(), List.of());
	}

	record Me(String subject, String username, String name, Set<String> roles, String department, String clientId,
			List<String> enterprises) {
	}

}
