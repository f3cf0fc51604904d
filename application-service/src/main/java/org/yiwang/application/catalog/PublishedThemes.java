package org.yiwang.application.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The local view of the catalog's published themes, keyed by theme code. */
public interface PublishedThemes extends MongoRepository<PublishedTheme, String> {

}
