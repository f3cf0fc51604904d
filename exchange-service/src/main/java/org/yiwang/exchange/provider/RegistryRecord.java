package org.yiwang.exchange.provider;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One subject's record in a base registry held in the platform (基础库): id {@code <resourceCode>:<subject>}. The
 * registry IS the authoritative copy of the subject's data, so it holds the number in plain; nothing outside the
 * registry and the caller's response does.
 */
@Document("registry_records")
public record RegistryRecord(@Id String id, String resourceCode, Map<String, Object> data) {

	public static String id(String resourceCode, String subject) {
		return resourceCode + ":" + subject;
	}

}
