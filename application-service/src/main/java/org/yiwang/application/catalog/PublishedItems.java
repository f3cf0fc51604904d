package org.yiwang.application.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The local view of the catalog, keyed by item code. */
public interface PublishedItems extends MongoRepository<PublishedItem, String> {

}
