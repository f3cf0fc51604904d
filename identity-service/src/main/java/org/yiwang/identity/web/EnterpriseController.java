package org.yiwang.identity.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.identity.authorization.AgentAuthorization;
import org.yiwang.identity.authorization.EnterpriseAuthorizations;
import org.yiwang.identity.enterprise.EnterpriseRegistry;
import org.yiwang.identity.enterprise.EnterpriseType;
import org.yiwang.identity.enterprise.LegalPerson;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;

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

/** Legal persons and 企业授权 (grant / revoke by the legal representative; check for services). */
@RestController
@Validated
@RequestMapping("/api/v1/identity")
class EnterpriseController {

	private final EnterpriseRegistry registry;

	private final EnterpriseAuthorizations authorizations;

	EnterpriseController(EnterpriseRegistry registry, EnterpriseAuthorizations authorizations) {
		this.registry = registry;
		this.authorizations = authorizations;
	}

	@PostMapping("/enterprises")
	@ResponseStatus(HttpStatus.CREATED)
	EnterpriseView register(@Valid @RequestBody EnterpriseRequest request) {
		return EnterpriseView.of(registry.register(CurrentUser.current(),
				new EnterpriseRegistry.NewEnterprise(request.uscc(), request.name(), request.type(),
						request.legalRepresentativeName(), request.legalRepresentativeIdNumber())));
	}

	@GetMapping("/enterprises/{uscc}")
	EnterpriseView enterprise(@PathVariable @Size(max = 18) String uscc) {
		return EnterpriseView.of(registry.get(uscc));
	}

	@PostMapping("/enterprises/{uscc}/authorizations")
	@ResponseStatus(HttpStatus.CREATED)
	AuthorizationView grant(@PathVariable @Size(max = 18) String uscc, @Valid @RequestBody GrantRequest request) {
		return AuthorizationView.of(authorizations.grant(CurrentUser.current(), uscc,
				new EnterpriseAuthorizations.Grant(request.agentIdNumber(), request.agentSubject(),
						request.itemCodes(), request.validUntil())));
	}

	@GetMapping("/enterprises/{uscc}/authorizations")
	List<AuthorizationView> list(@PathVariable @Size(max = 18) String uscc) {
		return authorizations.ofEnterprise(CurrentUser.current(), uscc)
			.stream()
			.map(AuthorizationView::of)
			.toList();
	}

	@DeleteMapping("/enterprises/{uscc}/authorizations/{id}")
	AuthorizationView revoke(@PathVariable @Size(max = 18) String uscc, @PathVariable @Size(max = 64) String id) {
		return AuthorizationView.of(authorizations.revoke(CurrentUser.current(), uscc, id));
	}

	/**
	 * For services: may {@code agent} act for {@code enterprise} on {@code item}? Staff roles and department systems
	 * may ask about anyone; anybody else only about themselves.
	 */
	@GetMapping("/authorizations/check")
	EnterpriseAuthorizations.Check check(@RequestParam @Size(max = 18) String enterprise,
			@RequestParam @Size(max = 64) String agent, @RequestParam(required = false) @Size(max = 64) String item) {
		CurrentUser user = CurrentUser.current();
		boolean service = user.hasAnyRole(CurrentUser.OFFICER, CurrentUser.WINDOW_CLERK, CurrentUser.DEPT_SYSTEM,
				CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN);
		if (!service && !agent.equals(user.subject())) {
			throw new ForbiddenException("you may only check your own authorisations");
		}
		return authorizations.check(enterprise, agent, item);
	}

	record EnterpriseRequest(@NotBlank @Size(max = 18) String uscc, @NotBlank @Size(max = 128) String name,
			EnterpriseType type, @NotBlank @Size(max = 64) String legalRepresentativeName,
			@NotBlank @Size(max = 18) String legalRepresentativeIdNumber) {

		@Override
		public String toString() {
			return "EnterpriseRequest[" + uscc + "]";
		}

	}

	record EnterpriseView(String uscc, String name, EnterpriseType type, String legalRepresentativeName,
			String legalRepresentativeIdNumber, Instant registeredAt) {

		static EnterpriseView of(LegalPerson e) {
			return new EnterpriseView(e.getUscc(), e.getName(), e.getType(), e.getLegalRepresentativeName(),
					e.getLegalRepresentativeIdNumber().masked(), e.getRegisteredAt());
		}

	}

	record GrantRequest(@Size(max = 18) String agentIdNumber, @Size(max = 64) String agentSubject,
			@Size(max = 100) List<String> itemCodes, @NotNull Instant validUntil) {

		@Override
		public String toString() {
			return "GrantRequest[" + agentSubject + "]";
		}

	}

	record AuthorizationView(String id, String enterpriseUscc, String enterpriseName, String agentSubject,
			String agentName, boolean allItems, List<String> itemCodes, Instant validFrom, Instant validUntil,
			String status, Instant revokedAt) {

		static AuthorizationView of(AgentAuthorization a) {
			return new AuthorizationView(a.getId(), a.getEnterpriseUscc(), a.getEnterpriseName(), a.getAgentSubject(),
					a.getAgentName(), a.isAllItems(), a.getItemCodes(), a.getValidFrom(), a.getValidUntil(),
					a.getStatus().name(), a.getRevokedAt());
		}

	}

}
