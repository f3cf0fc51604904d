package org.yiwang.license.sharing;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The holders' grants. */
public interface Grants extends MongoRepository<Grant, String> {

	List<Grant> findByLicenseNumberOrderByCreatedAtDesc(String licenseNumber);

}
