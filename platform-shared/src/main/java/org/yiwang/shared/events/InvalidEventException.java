package org.yiwang.shared.events;

/**
 * An event that can never be processed (malformed envelope or payload). Consumers do not retry it: it goes
 * straight to the dead-letter topic with this message in its headers.
 */
public class InvalidEventException extends RuntimeException {

	private final String field;

	public InvalidEventException(String field, String rule) {
		super("invalid event: field '" + field + "' " + rule);
		this.field = field;
	}

	public InvalidEventException(String message, Throwable cause) {
		super(message, cause);
		this.field = null;
	}

	public String field() {
		return field;
	}

}
