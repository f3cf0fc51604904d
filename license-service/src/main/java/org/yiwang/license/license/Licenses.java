package org.yiwang.license.license;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** All issued licences, by number. */
public interface Licenses extends MongoRepository<License, String> {

	boolean existsByCaseId(String caseId);

	Page<License> findByHolderSubject(String holderSubject, Pageable pageable);

}
