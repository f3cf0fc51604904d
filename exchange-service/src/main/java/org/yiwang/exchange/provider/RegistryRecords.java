package org.yiwang.exchange.provider;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The base registries held in the platform. */
public interface RegistryRecords extends MongoRepository<RegistryRecord, String> {

}
