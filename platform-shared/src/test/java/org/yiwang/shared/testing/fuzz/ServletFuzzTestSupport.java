package org.yiwang.shared.testing.fuzz;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 part 4 for a servlet service: every request mapping against the bad-input corpus over real HTTP, the
 * service started on a random port with its Kafka listeners off. A service's test extends this, names the service
 * and registers its infrastructure ({@code @DynamicPropertySource}); the assertions are the same everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.listener.auto-startup=false")
@Import(FuzzTokens.Servlet.class)
public abstract class ServletFuzzTestSupport {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private MongoTemplate mongo;

	/** The service's name, in the report ({@code target/fuzz-<service>.txt}). */
	protected abstract String service();

	/** Statuses a valid request may get because a peer is not running in the test; none by default. */
	protected Integer[] tolerated() {
		return new Integer[0];
	}

	@Test
	public void noBadInputGetsA5xxOrAnythingButAProblem() {
		assertThat(BadInputFuzzer.against(this.port, this.mappings, MongoDocumentCounts.of(this.mongo))
			.tolerating(tolerated())
			.run(service())).isEmpty();
	}

}
