package org.yiwang.application.material;

/**
 * Hook point for a virus scan of uploads before they are stored. The default accepts everything; an antivirus
 * adapter (e.g. ClamAV over its socket) replaces the bean.
 */
@FunctionalInterface
public interface MaterialScanner {

	/** @return null when clean, else the finding that refuses the upload */
	String scan(String fileName, String contentType, byte[] content);

}
