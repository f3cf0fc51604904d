package org.yiwang.identity.pii;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PiiConfiguration {

	@Bean
	PiiProtector piiProtector(PiiProperties properties) {
		return new PiiProtector(KeyRing.load(properties));
	}

}
