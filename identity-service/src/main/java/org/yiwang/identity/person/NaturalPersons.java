package org.yiwang.identity.person;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All natural persons; found by login subject or by the keyed hash of an ID number, never by the number itself. */
public interface NaturalPersons extends MongoRepository<NaturalPerson, String> {

	Optional<NaturalPerson> findBySubject(String subject);

	Optional<NaturalPerson> findByIdNumberHash(String idNumberHash);

	boolean existsByIdNumberHash(String idNumberHash);

	boolean existsBySubject(String subject);

}
