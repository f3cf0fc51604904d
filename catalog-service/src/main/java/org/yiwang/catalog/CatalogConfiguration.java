package org.yiwang.catalog;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
