package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.yiwang.license.LicenseProperties;
import org.yiwang.license.credential.BitstringStatusList;
import org.yiwang.license.credential.CredentialSigner;
import org.yiwang.license.credential.DepartmentKeys;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The issuers' published Bitstring Status List credentials, one per department and purpose (revocation,
 * suspension), built from the register and signed with the department's active key. Built lists are cached for
 * {@code platform.license.status-list-cache-ttl} and dropped at once when this instance changes a status; other
 * instances catch up within the TTL, which is also what clients are told they may cache.
 */
@Service
public class StatusLists {

	public static final Set<String> PURPOSES = Set.of("revocation", "suspension");

	/** A signed status list credential and its version tag. */
	public record Published(String credential, String etag, Instant builtAt) {
	}

	private final MongoTemplate mongo;

	private final DepartmentKeys keys;

	private final CredentialSigner signer;

	private final Clock clock;

	private final LicenseProperties properties;

	private final Map<String, Published> cache = new ConcurrentHashMap<>();

	StatusLists(MongoTemplate mongo, DepartmentKeys keys, CredentialSigner signer, Clock clock,
			LicenseProperties properties) {
		this.mongo = mongo;
		this.keys = keys;
		this.signer = signer;
		this.clock = clock;
		this.properties = properties;
	}

	/** The current list; empty for a department that never issued (no key) or an unknown purpose. */
	public Optional<Published> published(String department, String purpose) {
		if (!PURPOSES.contains(purpose) || !keys.knows(department)) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		String key = department + "/" + purpose;
		Published cached = cache.get(key);
		if (cached != null && cached.builtAt().plus(properties.statusListCacheTtl()).isAfter(now)) {
			return Optional.of(cached);
		}
		Published built = build(department, purpose, now);
		cache.put(key, built);
		return Optional.of(built);
	}

	/** Drops the cached lists of a department after a status change. */
	public void invalidate(String department) {
		PURPOSES.forEach(purpose -> cache.remove(department + "/" + purpose));
	}

	private Published build(String department, String purpose, Instant now) {
		LicenseStatus flagged = "revocation".equals(purpose) ? LicenseStatus.REVOKED : LicenseStatus.SUSPENDED;
		Query query = new Query(Criteria.where("issuingDepartment").is(department).and("status").is(flagged.name()));
		query.fields().include("statusIndex");
		BitstringStatusList list = BitstringStatusList.empty();
		for (Document row : mongo.find(query, Document.class, "licenses")) {
			if (row.get("statusIndex") instanceof Number index) {
				list.set(index.intValue());
			}
		}
		// the same bits signed by the same key: the same version for conditional requests
		String etag = "\"" + Integer.toHexString(list.encode().hashCode()) + "-"
				+ Integer.toHexString(keys.activeKey(department).getKeyID().hashCode()) + "\"";
		String credential = signer.signStatusList(department, purpose, list, now,
				properties.statusListCacheTtl().toMillis());
		return new Published(credential, etag, now);
	}

}
