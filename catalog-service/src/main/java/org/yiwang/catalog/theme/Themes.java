package org.yiwang.catalog.theme;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All themes. */
public interface Themes extends MongoRepository<Theme, String> {

	List<Theme> findByPublishedVersionGreaterThan(int version);

}
