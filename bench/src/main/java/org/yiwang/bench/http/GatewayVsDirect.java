package org.yiwang.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.yiwang.bench.Progress;

/**
 * The gateway's cost: the same request (a published catalog item, with the same bearer token) sent through the
 * gateway and straight to catalog-service, in alternating rounds (gateway, direct, direct, gateway, …) so that drift
 * on a shared machine falls on both sides, after a warm-up of both, at each number of connections.
 */
public final class GatewayVsDirect {

	public static final String ITEM_PATH = "/api/v1/catalog/items/44030000SCJG-XK-0001";

	private final String gatewayUrl;

	private final String catalogUrl;

	private final Supplier<String> tokens;

	private final HttpLoad load;

	private final Progress progress;

	/**
	 * @param gatewayUrl e.g. {@code http://localhost:8080}
	 * @param catalogUrl catalog-service itself, e.g. {@code http://127.0.0.1:8081}
	 * @param tokens a fresh bearer token for each level (access tokens live five minutes), sent on both sides
	 */
	public GatewayVsDirect(String gatewayUrl, String catalogUrl, Supplier<String> tokens, HttpLoad load,
			Progress progress) {
		HttpRequestSpec.requireLoopback(gatewayUrl);
		HttpRequestSpec.requireLoopback(catalogUrl);
		this.gatewayUrl = gatewayUrl;
		this.catalogUrl = catalogUrl;
		this.tokens = tokens;
		this.load = load;
		this.progress = progress;
	}

	/**
	 * @param connections the levels, e.g. 16, 64, 256
	 * @param round length of one round
	 * @param pairs gateway/direct round pairs per level
	 * @param warmUp length of the warm-up on each side (at the first level), not recorded
	 */
	public Comparison run(List<Integer> connections, Duration round, int pairs, Duration warmUp) {
		String token = tokens.get();
		HttpRequestSpec viaGateway = HttpRequestSpec.get(gatewayUrl + ITEM_PATH, token);
		HttpRequestSpec direct = HttpRequestSpec.get(catalogUrl + ITEM_PATH, token);
		HttpLoad.Answer gatewayCheck = load.once(viaGateway);
		HttpLoad.Answer directCheck = load.once(direct);
		if (gatewayCheck.status() != 200 || directCheck.status() != 200) {
			throw new IllegalStateException("the catalog item does not answer 200: gateway " + describe(gatewayCheck)
					+ ", direct " + describe(directCheck));
		}
		if (!warmUp.isZero()) {
			progress.report("gateway-vs-direct: warming up both sides for " + warmUp.toSeconds() + " s each");
			load.run("warm-up", viaGateway, connections.get(0), warmUp);
			load.run("warm-up", direct, connections.get(0), warmUp);
		}
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i < connections.size(); i++) {
			int level = connections.get(i);
			if (i > 0) {
				token = tokens.get();
				viaGateway = HttpRequestSpec.get(gatewayUrl + ITEM_PATH, token);
				direct = HttpRequestSpec.get(catalogUrl + ITEM_PATH, token);
			}
			LoadResult gateway = null;
			LoadResult straight = null;
			for (int pair = 0; pair < pairs; pair++) {
				boolean gatewayFirst = pair % 2 == 0;
				LoadResult first = load.run(gatewayFirst ? "gateway" : "direct", gatewayFirst ? viaGateway : direct,
						level, round);
				LoadResult second = load.run(gatewayFirst ? "direct" : "gateway", gatewayFirst ? direct : viaGateway,
						level, round);
				LoadResult g = gatewayFirst ? first : second;
				LoadResult d = gatewayFirst ? second : first;
				gateway = gateway == null ? g : gateway.merge(g);
				straight = straight == null ? d : straight.merge(d);
				progress.report(String.format("gateway-vs-direct %3d connections, pair %d: gateway %.0f/s (503: %d), direct %.0f/s (503: %d)",
						level, pair + 1, g.throughputPerSecond(), g.count("503"), d.throughputPerSecond(), d.count("503")));
			}
			levels.add(new Level(level, gateway, straight));
		}
		return new Comparison(ITEM_PATH, round.toMillis(), pairs, warmUp.toMillis(), levels);
	}

	private static String describe(HttpLoad.Answer answer) {
		return answer.status() == 0 ? answer.error() : String.valueOf(answer.status());
	}

	/** One level: both sides' merged rounds. */
	public record Level(int connections, LoadResult gateway, LoadResult direct) {

		/** Gateway throughput over direct throughput (1 = the gateway costs nothing). */
		public double ratio() {
			return direct.throughputPerSecond() == 0 ? 0 : gateway.throughputPerSecond() / direct.throughputPerSecond();
		}

	}

	public record Comparison(String path, long roundMillis, int pairs, long warmUpMillis, List<Level> levels) {
	}

}
