package org.yiwang.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the append-only access log (共享数据使用记录), with its place in a hash chain: {@code seq} is the
 * document id (1, 2, 3 …, unique), {@code previousHash} the hash of record {@code seq-1} and {@code hash} the
 * SHA-256 of this record's content and {@code previousHash}. Editing any recorded field changes its hash and breaks
 * the link to the next record; deleting a record leaves a gap in {@code seq}. The subject is kept only as a keyed
 * hash (to find a citizen's records) and a masked form (to show). The {@code outbox} (the
 * {@code exchange.DataAccessed} event) is outside the hash; the relay removes it after publishing.
 */
@Document("access_records")
public class AccessRecord {

	public static final String GENESIS = "0".repeat(64);

	@Id
	private Long seq;

	private String previousHash;

	private String hash;

	private Instant at;

	private String userSubject;

	private String username;

	private String clientId;

	private String department;

	private String subjectHash;

	private String subjectMasked;

	private String resourceCode;

	private String providerDepartment;

	private List<String> fields = new ArrayList<>();

	private PurposeCategory purposeCategory;

	private String purpose;

	private String legalBasis;

	private String applicationId;

	private String grantId;

	private String channel;

	private AccessResult result;

	private String detail;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	AccessRecord() {
	}

	static AccessRecord chained(long seq, String previousHash, AccessEntry entry, String subjectHash,
			String subjectMasked, Instant now) {
		AccessRecord record = new AccessRecord();
		record.seq = seq;
		record.previousHash = previousHash;
		// MongoDB keeps milliseconds: hash what will be read back
		record.at = now.truncatedTo(ChronoUnit.MILLIS);
		record.userSubject = entry.userSubject();
		record.username = entry.username();
		record.clientId = entry.clientId();
		record.department = entry.department();
		record.subjectHash = subjectHash;
		record.subjectMasked = subjectMasked;
		record.resourceCode = entry.resourceCode();
		record.providerDepartment = entry.providerDepartment();
		record.fields = entry.fields() == null ? List.of() : List.copyOf(entry.fields());
		record.purposeCategory = entry.purposeCategory();
		record.purpose = entry.purpose();
		record.legalBasis = entry.legalBasis();
		record.applicationId = entry.applicationId();
		record.grantId = entry.grantId();
		record.channel = entry.channel();
		record.result = entry.result();
		record.detail = entry.detail();
		record.hash = record.computeHash();
		record.outbox.add(OutboxMessage.of(Topics.EXCHANGE, DataAccessed.TYPE, 1, String.valueOf(seq),
				new DataAccessed(seq, record.hash, record.at, record.department, record.clientId, record.subjectHash,
						record.subjectMasked, record.resourceCode, record.providerDepartment, record.fields,
						record.purpose, record.legalBasis, record.applicationId, record.channel, record.result,
						record.purposeCategory)));
		return record;
	}

	/**
	 * SHA-256 over every recorded field and the previous hash, unit-separated, in a fixed order. The purpose
	 * category (recorded since it exists) is appended last when present, so records written before it still
	 * verify unchanged.
	 */
	public String computeHash() {
		StringBuilder canonical = new StringBuilder();
		for (Object part : new Object[] { seq, previousHash, at == null ? null : at.toEpochMilli(), userSubject,
				username, clientId, department, subjectHash, subjectMasked, resourceCode, providerDepartment,
				fields == null ? null : String.join(",", fields), purpose, legalBasis, applicationId, grantId, channel,
				result, detail }) {
			canonical.append(part == null ? "\u2400" : part.toString()).append('\u001f');
		}
		if (purposeCategory != null) {
			canonical.append("purposeCategory=").append(purposeCategory.name()).append('\u001f');
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Long getSeq() {
		return seq;
	}

	public String getPreviousHash() {
		return previousHash;
	}

	public String getHash() {
		return hash;
	}

	public Instant getAt() {
		return at;
	}

	public String getUserSubject() {
		return userSubject;
	}

	public String getUsername() {
		return username;
	}

	public String getClientId() {
		return clientId;
	}

	public String getDepartment() {
		return department;
	}

	public String getSubjectHash() {
		return subjectHash;
	}

	public String getSubjectMasked() {
		return subjectMasked;
	}

	public String getResourceCode() {
		return resourceCode;
	}

	public String getProviderDepartment() {
		return providerDepartment;
	}

	public List<String> getFields() {
		return List.copyOf(fields);
	}

	public PurposeCategory getPurposeCategory() {
		return purposeCategory;
	}

	public String getPurpose() {
		return purpose;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public String getApplicationId() {
		return applicationId;
	}

	public String getGrantId() {
		return grantId;
	}

	public String getChannel() {
		return channel;
	}

	public AccessResult getResult() {
		return result;
	}

	public String getDetail() {
		return detail;
	}

}
