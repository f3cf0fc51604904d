package org.yiwang.identity.pii;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.CoreConstants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingMessageConverterTests {

	@Test
	void idNumbersAndMobilesAreMaskedNumbersOfOtherShapesAreNot() {
		assertThat(MaskingMessageConverter.mask("duplicate key idNumber=44030519900101123X, tel 13812345678."))
			.isEqualTo("duplicate key idNumber=4403**********123X, tel 138****5678.");
		assertThat(MaskingMessageConverter.mask("order 1234567890123456789 at 1732500000000 code 12345678901"))
			.isEqualTo("order 1234567890123456789 at 1732500000000 code 12345678901");
		assertThat(MaskingMessageConverter.mask("uscc 91350100M000100Y43")).isEqualTo("uscc 91350100M000100Y43");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theConverterReplacesThePatternsMessageWord() {
		LoggerContext context = new LoggerContext();
		java.util.Map<String, java.util.function.Supplier<ch.qos.logback.core.pattern.DynamicConverter<?>>> rules = new java.util.HashMap<>();
		rules.put("m", MaskingMessageConverter::new);
		context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.setPattern("%m");
		layout.start();
		Logger logger = context.getLogger("test");
		LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, "person {} registered",
				null, new Object[] { "11010519491231002X" });
		assertThat(layout.doLayout(event)).isEqualTo("person 1101**********002X registered");
	}

}
