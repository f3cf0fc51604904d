package org.yiwang.shared.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Strict scalars in every request body of the platform (services and gateway): {@code 1.5} for an integer field and
 * {@code 2} (or {@code 0}) for a boolean are 400s naming the field, not silently truncated to 1 or taken as true.
 * Strings such as {@code "10"} for a number stay accepted (forms send them).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ JsonMapper.class, JsonMapperBuilderCustomizer.class })
public class PlatformJacksonAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer platformStrictScalars() {
		return PlatformJacksonAutoConfiguration::strictScalars;
	}

	/** The platform's coercion rules, applied to a builder (also for mappers built outside Spring). */
	public static void strictScalars(JsonMapper.Builder builder) {
		builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.Float,
					CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, config -> config.setCoercion(CoercionInputShape.Integer,
					CoercionAction.Fail));
	}

}
