package org.yiwang.license.license;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** All issued licences, by number. */
public interface Licenses extends MongoRepository<License, String> {

	boolean existsByCaseId(String caseId);

	java.util.Optional<License> findByCaseId(String caseId);

	java.util.List<License> findByHolderUscc(String uscc);

	java.util.List<License> findByHolderIdHash(String idHash);

	Page<License> findByHolderTypeAndHolderUscc(Holder.Type type, String uscc, Pageable pageable);

	Page<License> findByHolderSubject(String holderSubject, Pageable pageable);

	/** A person's own licences (an agent's applications for enterprises excluded). */
	Page<License> findByHolderSubjectAndHolderTypeNot(String holderSubject, Holder.Type type, Pageable pageable);

}
