package org.yiwang.catalog.taxonomy;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The one taxonomy document. */
public interface Taxonomies extends MongoRepository<Taxonomy, String> {

}
