package org.yiwang.exchange.web;

import java.util.List;

import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.DataResources;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shared data catalog, readable by government staff and systems. */
@RestController
@RequestMapping("/api/v1/exchange/resources")
class ResourceController {

	private final DataResources resources;

	ResourceController(DataResources resources) {
		this.resources = resources;
	}

	@GetMapping
	List<DataResource> all() {
		return resources.findAll(Sort.by("code"));
	}

	@GetMapping("/{code}")
	DataResource one(@PathVariable String code) {
		return resources.findById(code).orElseThrow(() -> new NotFoundException("no data resource " + code));
	}

}
