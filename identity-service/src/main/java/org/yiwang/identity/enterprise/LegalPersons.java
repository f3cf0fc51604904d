package org.yiwang.identity.enterprise;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All legal persons, by USCC. */
public interface LegalPersons extends MongoRepository<LegalPerson, String> {

	List<LegalPerson> findByLegalRepresentativeIdHash(String hash);

}
