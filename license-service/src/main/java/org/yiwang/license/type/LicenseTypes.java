package org.yiwang.license.type;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The licence types the catalog defines. */
public interface LicenseTypes extends MongoRepository<LicenseType, String> {

}
