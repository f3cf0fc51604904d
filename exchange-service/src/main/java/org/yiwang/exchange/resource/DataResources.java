package org.yiwang.exchange.resource;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The shared data catalog. */
public interface DataResources extends MongoRepository<DataResource, String> {

}
