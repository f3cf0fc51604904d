package org.yiwang.exchange.resource;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.yiwang.exchange.Departments;
import org.yiwang.shared.web.InvalidRequestException;

/**
 * What a provider department declares about a resource. Validated as a whole here so that an inconsistent entry
 * (a provider API without a URL, duplicate field names, an unknown department, a cache allowance on real-time
 * data) never reaches the catalog.
 *
 * @param cacheTtl how many seconds the exchange may answer from its memory instead of asking the provider again
 * (缓存时效); 0 = never. Only for {@code PROVIDER_API} resources whose data is not {@code REAL_TIME}; at most
 * {@link #MAX_CACHE_TTL} (one day).
 */
public record ResourceDefinition(String name, String providerDepartment, SubjectType subjectType,
		SharingType sharingType, String legalBasis, UpdateFrequency updateFrequency, ServingMode servingMode,
		String providerBaseUrl, List<DataResource.Field> fields, int cacheTtl) {

	public static final int MAX_CACHE_TTL = 24 * 60 * 60;

	/** A resource the exchange never caches. */
	public ResourceDefinition(String name, String providerDepartment, SubjectType subjectType, SharingType sharingType,
			String legalBasis, UpdateFrequency updateFrequency, ServingMode servingMode, String providerBaseUrl,
			List<DataResource.Field> fields) {
		this(name, providerDepartment, subjectType, sharingType, legalBasis, updateFrequency, servingMode,
				providerBaseUrl, fields, 0);
	}

	/** Scalar types, and LIST: a JSON array (e.g. of objects) passed through whole, never cut apart. */
	private static final List<String> FIELD_TYPES = List.of("STRING", "NUMBER", "DATE", "BOOLEAN", "LIST");

	private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

	public ResourceDefinition {
		require(name != null && !name.isBlank(), "name", "must not be blank");
		require(Departments.exists(providerDepartment), "providerDepartment", "must be a known department code");
		require(subjectType != null, "subjectType", "must be PERSON or ENTERPRISE");
		require(sharingType != null, "sharingType", "must be UNCONDITIONAL, CONDITIONAL or NOT_SHARED");
		require(legalBasis != null && !legalBasis.isBlank(), "legalBasis", "must not be blank");
		require(updateFrequency != null, "updateFrequency", "must not be null");
		require(servingMode != null, "servingMode", "must be PROVIDER_API or BASE_REGISTRY");
		if (servingMode == ServingMode.PROVIDER_API) {
			require(isHttpUrl(providerBaseUrl), "providerBaseUrl", "must be an http(s) URL for a PROVIDER_API resource");
		}
		else {
			require(providerBaseUrl == null || providerBaseUrl.isBlank(), "providerBaseUrl",
					"must be empty for a BASE_REGISTRY resource");
			providerBaseUrl = null;
		}
		require(fields != null && !fields.isEmpty(), "fields", "must list at least one field");
		Set<String> names = new HashSet<>();
		for (int i = 0; i < fields.size(); i++) {
			DataResource.Field field = fields.get(i);
			String prefix = "fields[" + i + "]";
			require(field != null, prefix, "must not be null");
			require(field.name() != null && FIELD_NAME.matcher(field.name()).matches(), prefix + ".name",
					"must be a camelCase identifier");
			require(field.label() != null && !field.label().isBlank(), prefix + ".label", "must not be blank");
			require(field.sensitivity() != null, prefix + ".sensitivity", "must be LOW, MEDIUM or HIGH");
			require(FIELD_TYPES.contains(field.type()), prefix + ".type", "must be one of " + FIELD_TYPES);
			require(names.add(field.name()), prefix + ".name", "must be unique within the resource");
		}
		fields = List.copyOf(fields);
		require(cacheTtl >= 0 && cacheTtl <= MAX_CACHE_TTL, "cacheTtl",
				"must be between 0 and " + MAX_CACHE_TTL + " seconds");
		if (cacheTtl > 0) {
			require(updateFrequency != UpdateFrequency.REAL_TIME, "cacheTtl",
					"must be 0 when updateFrequency is REAL_TIME");
			require(servingMode == ServingMode.PROVIDER_API, "cacheTtl",
					"must be 0 for a BASE_REGISTRY resource (only provider API answers are cached)");
		}
	}

	private static boolean isHttpUrl(String candidate) {
		if (candidate == null || candidate.isBlank()) {
			return false;
		}
		try {
			URI uri = URI.create(candidate);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void require(boolean condition, String field, String rule) {
		if (!condition) {
			throw new InvalidRequestException(field + " " + rule, field, rule);
		}
	}

}
