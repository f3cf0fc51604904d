package org.yiwang.catalog;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
