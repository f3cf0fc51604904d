package org.yiwang.exchange.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An entry of the shared data catalog (政务信息资源目录): what a provider department shares, on which terms and
 * how it is served. Publishing and every change record an event in the same document (outbox).
 */
@Document("data_resources")
public class DataResource {

	@Id
	private String code;

	private String name;

	private String providerDepartment;

	private SubjectType subjectType;

	private SharingType sharingType;

	private String legalBasis;

	private UpdateFrequency updateFrequency;

	private ServingMode servingMode;

	private String providerBaseUrl;

	private List<Field> fields = new ArrayList<>();

	private int cacheTtl;

	private String publishedBy;

	private Instant publishedAt;

	private Instant updatedAt;

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	DataResource() {
	}

	/** A field of a resource, with its data type and sensitivity. */
	public record Field(String name, String label, String type, Sensitivity sensitivity) {

		public Field(String name, String label, Sensitivity sensitivity) {
			this(name, label, "STRING", sensitivity);
		}

	}

	public static DataResource publish(String code, ResourceDefinition definition, String by, Instant now) {
		DataResource resource = new DataResource();
		resource.code = code;
		resource.apply(definition);
		resource.publishedBy = by;
		resource.publishedAt = now;
		resource.updatedAt = now;
		resource.record(ResourceChanged.PUBLISHED, by, now, 0);
		return resource;
	}

	/** Changes the terms; the caller states the revision it read, so concurrent edits do not overwrite. */
	public void update(ResourceDefinition definition, long expectedRevision, String by, Instant now) {
		if (revision == null || revision != expectedRevision) {
			throw new ConflictException("the resource was changed by someone else (revision " + revision + ")",
					"revision", "must be the current revision " + revision);
		}
		if (!definition.providerDepartment().equals(providerDepartment)) {
			throw new ConflictException("the provider department of a resource cannot change", "providerDepartment",
					"must stay " + providerDepartment);
		}
		apply(definition);
		updatedAt = now;
		record(ResourceChanged.UPDATED, by, now, revision + 1);
	}

	private void apply(ResourceDefinition definition) {
		name = definition.name();
		providerDepartment = definition.providerDepartment();
		subjectType = definition.subjectType();
		sharingType = definition.sharingType();
		legalBasis = definition.legalBasis();
		updateFrequency = definition.updateFrequency();
		servingMode = definition.servingMode();
		providerBaseUrl = definition.providerBaseUrl();
		fields = new ArrayList<>(definition.fields());
		cacheTtl = definition.cacheTtl();
	}

	private void record(String type, String by, Instant now, long newRevision) {
		outbox.add(OutboxMessage.of(Topics.EXCHANGE, type, 1, code, new ResourceChanged(code, name,
				providerDepartment, sharingType, servingMode, fieldNames(), newRevision, by, now, cacheTtl)));
	}

	public List<String> fieldNames() {
		return fields.stream().map(Field::name).toList();
	}

	public Optional<Field> field(String fieldName) {
		return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getProviderDepartment() {
		return providerDepartment;
	}

	public SubjectType getSubjectType() {
		return subjectType;
	}

	public SharingType getSharingType() {
		return sharingType;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public UpdateFrequency getUpdateFrequency() {
		return updateFrequency;
	}

	public ServingMode getServingMode() {
		return servingMode;
	}

	public String getProviderBaseUrl() {
		return providerBaseUrl;
	}

	public List<Field> getFields() {
		return List.copyOf(fields);
	}

	/** Seconds an answer of the provider may be reused (0 = never); see {@link ResourceDefinition#cacheTtl()}. */
	public int getCacheTtl() {
		return cacheTtl;
	}

	public String getPublishedBy() {
		return publishedBy;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Long getRevision() {
		return revision;
	}

}
