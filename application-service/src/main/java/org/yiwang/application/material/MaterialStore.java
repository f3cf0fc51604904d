package org.yiwang.application.material;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Uploaded materials in GridFS. Only PDF, JPEG and PNG, checked by their leading bytes and not only by the
 * declared type, up to {@code platform.materials.max-bytes}; every upload passes the {@link MaterialScanner}.
 */
@Component
public class MaterialStore {

	private static final Map<String, byte[]> MAGIC = Map.of("application/pdf", new byte[] { '%', 'P', 'D', 'F' },
			"image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/jpeg",
			new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });

	private final GridFsTemplate gridFs;

	private final MaterialScanner scanner;

	private final long maxBytes;

	MaterialStore(GridFsTemplate gridFs, java.util.Optional<MaterialScanner> scanner,
			@Value("${platform.materials.max-bytes:10485760}") long maxBytes) {
		this.gridFs = gridFs;
		this.scanner = scanner.orElse((name, type, content) -> null);
		this.maxBytes = maxBytes;
	}

	/** Checks and stores; returns the file id and the SHA-256 of the content. Nothing is stored when a check fails. */
	public Stored store(String applicationId, String fileName, String contentType, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidRequestException("empty file", "file", "must not be empty");
		}
		if (content.length > maxBytes) {
			throw new InvalidRequestException("file too large", "file", "must be at most " + maxBytes + " bytes");
		}
		byte[] magic = contentType == null ? null : MAGIC.get(contentType);
		if (magic == null) {
			throw new InvalidRequestException("unsupported content type " + contentType, "file",
					"must be application/pdf, image/jpeg or image/png");
		}
		if (content.length < magic.length
				|| !java.util.Arrays.equals(java.util.Arrays.copyOf(content, magic.length), magic)) {
			throw new InvalidRequestException("content does not match " + contentType, "file",
					"content must match its declared type");
		}
		String finding = scanner.scan(fileName, contentType, content);
		if (finding != null) {
			throw new InvalidRequestException("file refused by the virus scan", "file", "must pass the virus scan");
		}
		String sha256 = sha256(content);
		ObjectId id = gridFs.store(new ByteArrayInputStream(content), fileName, contentType,
				new Document("applicationId", applicationId).append("sha256", sha256));
		return new Stored(id.toHexString(), sha256, content.length);
	}

	public Content read(String fileId) {
		com.mongodb.client.gridfs.model.GridFSFile file = ObjectId.isValid(fileId)
				? gridFs.findOne(new Query(Criteria.where("_id").is(new ObjectId(fileId)))) : null;
		GridFsResource resource = file == null ? null : gridFs.getResource(file);
		if (resource == null || !resource.exists()) {
			throw new NotFoundException("no material content " + fileId);
		}
		try (InputStream in = resource.getInputStream()) {
			return new Content(in.readAllBytes(), resource.getContentType());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read material " + fileId, ex);
		}
	}

	/** Removes a stored file whose recording on the application failed. */
	public void delete(String fileId) {
		gridFs.delete(new Query(Criteria.where("_id").is(new ObjectId(fileId))));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Stored(String fileId, String sha256, long size) {
	}

	public record Content(byte[] bytes, String contentType) {
	}

}
