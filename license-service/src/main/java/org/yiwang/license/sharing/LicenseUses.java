package org.yiwang.license.sharing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The usage log. */
public interface LicenseUses extends MongoRepository<LicenseUse, String> {

	Page<LicenseUse> findByLicenseNumber(String licenseNumber, Pageable pageable);

}
