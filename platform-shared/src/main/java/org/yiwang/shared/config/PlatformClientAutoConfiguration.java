package org.yiwang.shared.config;

import java.time.Clock;

import org.yiwang.shared.client.ServiceAccountProperties;
import org.yiwang.shared.client.ServiceTokens;
import org.yiwang.shared.security.PlatformSecurityProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Service-to-service calls: a {@link ServiceTokens} bean when the service has its own client
 * ({@code platform.service-account.client-id}).
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@EnableConfigurationProperties({ ServiceAccountProperties.class, PlatformSecurityProperties.class })
public class PlatformClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "platform.service-account", name = "client-id")
	ServiceTokens serviceTokens(ServiceAccountProperties properties, PlatformSecurityProperties security,
			ObjectProvider<Clock> clock) {
		return new ServiceTokens(properties, security.issuer(), clock.getIfAvailable(Clock::systemUTC));
	}

}
