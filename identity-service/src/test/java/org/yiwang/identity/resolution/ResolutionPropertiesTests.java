package org.yiwang.identity.resolution;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionPropertiesTests {

	static CurrentUser caller(String clientId, String... roles) {
		return new CurrentUser("service-account-" + clientId, "service-account-" + clientId, null, Set.of(roles), null,
				clientId);
	}

	static SubjectResolver resolver(ResolutionProperties properties) {
		return new SubjectResolver(null, null, properties);
	}

	@Test
	void withoutConfigurationTheApplicationLicenseAndExchangeServicesMayResolve() {
		assertThat(new ResolutionProperties(null).clients()).containsExactly("svc-application", "svc-license", "svc-exchange");
		SubjectResolver resolver = resolver(new ResolutionProperties(null));
		assertThat(resolver.mayResolve(caller("svc-application", "platform-service"))).isTrue();
		assertThat(resolver.mayResolve(caller("svc-license", "platform-service"))).isTrue();
		assertThat(resolver.mayResolve(caller("svc-catalog", "platform-service"))).isFalse();
	}

	@Test
	void theAllowListReplacesTheDefaultAndTheRoleIsAlwaysRequired() {
		SubjectResolver resolver = resolver(new ResolutionProperties(List.of(" svc-exchange ", "")));
		assertThat(resolver.mayResolve(caller("svc-exchange", "platform-service"))).isTrue();
		assertThat(resolver.mayResolve(caller("svc-license", "platform-service"))).isFalse();
		assertThat(resolver.mayResolve(caller("svc-exchange", "platform-admin"))).isFalse();
		assertThat(resolver.mayResolve(caller(null, "platform-service"))).isFalse();
		assertThat(resolver(new ResolutionProperties(List.of())).mayResolve(caller("svc-license", "platform-service")))
			.isFalse();
	}

}
