package org.yiwang.exchange;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The governed way data moves between departments (政务数据共享交换). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ExchangeServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExchangeServiceApplication.class, args);
	}

	/** Grant expiry and audit time stamps read this clock, so tests can move time. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
