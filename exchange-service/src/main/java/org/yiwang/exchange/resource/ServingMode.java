package org.yiwang.exchange.resource;

/**
 * How a resource is served: by the provider department's own API (前置机/接口), or from a base registry held in
 * the platform (基础库), refreshed by the provider at its update frequency.
 */
public enum ServingMode {

	PROVIDER_API, BASE_REGISTRY

}
