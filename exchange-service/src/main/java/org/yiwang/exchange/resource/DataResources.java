package org.yiwang.exchange.resource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The shared data catalog. */
public interface DataResources extends MongoRepository<DataResource, String> {

	Page<DataResource> findByProviderDepartment(String providerDepartment, Pageable pageable);

}
