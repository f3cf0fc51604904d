package org.yiwang.application.application;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Applicants' drafts. */
public interface ApplicationDrafts extends MongoRepository<ApplicationDraft, String> {

	Page<ApplicationDraft> findByOwnerSubject(String ownerSubject, Pageable pageable);

}
