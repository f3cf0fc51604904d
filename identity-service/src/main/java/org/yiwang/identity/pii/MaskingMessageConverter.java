package org.yiwang.identity.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Safety net for the log: whatever a log statement (ours or a library's) prints, anything shaped like a 公民身份号码
 * or a mainland mobile number is masked before it is written. The first line of defence stays the value objects,
 * whose {@code toString()} is masked; this catches what slips past them (exception messages, echoed input).
 * Registered for {@code %m}, {@code %msg} and {@code %message} in {@code logback-spring.xml}.
 */
public class MaskingMessageConverter extends MessageConverter {

	private static final Pattern ID_NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])([1-9][0-9]{3})([0-9]{10})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])");

	@Override
	public String convert(ILoggingEvent event) {
		return mask(super.convert(event));
	}

	public static String mask(String message) {
		if (message == null || message.length() < 11) {
			return message;
		}
		String masked = replace(ID_NUMBER, message, m -> m.group(1) + "**********" + m.group(3));
		return replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(3));
	}

	private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> masking) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		do {
			matcher.appendReplacement(out, Matcher.quoteReplacement(masking.apply(matcher)));
		}
		while (matcher.find());
		matcher.appendTail(out);
		return out.toString();
	}

}
