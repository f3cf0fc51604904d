package org.yiwang.bench.verify;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.yiwang.bench.Progress;
import org.yiwang.bench.http.HttpLoad;
import org.yiwang.bench.http.HttpRequestSpec;
import org.yiwang.bench.http.LoadResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * What verifying a licence on the platform costs against the bare signature check: raw JCA ES256 on a JWS of the
 * same size (1 and 2 threads), and a real licence through license-service's public {@code POST
 * /api/v1/licenses/verify}, straight and through the gateway, with the closed-loop load at a small concurrency.
 */
public final class VerifyVsRaw {

	public static final String VERIFY_PATH = "/api/v1/licenses/verify";

	/** Payload size used when no real licence is at hand: about a licence credential's. */
	static final int DEFAULT_PAYLOAD_BYTES = 1200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpLoad load;

	private final Progress progress;

	public VerifyVsRaw(HttpLoad load, Progress progress) {
		this.load = load;
		this.progress = progress;
	}

	/**
	 * @param credential a real licence's compact JWS, or empty (then only the raw side runs)
	 * @param credentialSource where it came from, or why there is none
	 * @param rawPerThread verifications per thread on the raw side
	 */
	public Result run(Optional<String> credential, String credentialSource, String licenseServiceUrl,
			String gatewayUrl, int rawPerThread, int connections, Duration round) {
		int payloadBytes = credential.map(VerifyVsRaw::payloadBytes).orElse(DEFAULT_PAYLOAD_BYTES);
		RawEs256 raw = new RawEs256(payloadBytes);
		raw.measure(Math.max(200, rawPerThread / 5), 2);
		RawEs256.Rate one = raw.measure(rawPerThread, 1);
		RawEs256.Rate two = raw.measure(rawPerThread, 2);
		progress.report(String.format("verify: raw JCA ES256 %.0f/s on 1 thread, %.0f/s on 2 (payload %d bytes)",
				one.perSecond(), two.perSecond(), payloadBytes));
		if (credential.isEmpty()) {
			progress.report("verify: no real licence to verify on the platform: " + credentialSource);
			return new Result(credentialSource, 0, payloadBytes, one, two, false, null, null, null,
					"no licence available: " + credentialSource);
		}
		String body = JSON.writeValueAsString(Map.of("credential", credential.get()));
		HttpRequestSpec direct = HttpRequestSpec.postJson(licenseServiceUrl + VERIFY_PATH, body);
		HttpRequestSpec viaGateway = HttpRequestSpec.postJson(gatewayUrl + VERIFY_PATH, body);
		HttpLoad.Answer check = load.once(direct);
		boolean valid = check.status() == 200 && check.body() != null
				&& JSON.readTree(check.body()).path("valid").asBoolean(false);
		String answer = check.status() == 0 ? check.error() : check.status() + " " + abbreviate(check.body());
		load.run("verify-warm-up", direct, connections, Duration.ofMillis(Math.min(2000, round.toMillis())));
		LoadResult straight = load.run("verify-direct", direct, connections, round);
		LoadResult gateway = load.run("verify-gateway", viaGateway, connections, round);
		progress.report(String.format("verify: platform %.0f/s direct, %.0f/s through the gateway (%d connections, valid=%s)",
				straight.throughputPerSecond(), gateway.throughputPerSecond(), connections, valid));
		return new Result(credentialSource, credential.get().length(), payloadBytes, one, two, valid, answer, straight,
				gateway, null);
	}

	static int payloadBytes(String jws) {
		String[] parts = jws.split("\\.");
		if (parts.length != 3) {
			return DEFAULT_PAYLOAD_BYTES;
		}
		try {
			return Base64.getUrlDecoder().decode(parts[1]).length;
		}
		catch (IllegalArgumentException ex) {
			return DEFAULT_PAYLOAD_BYTES;
		}
	}

	private static String abbreviate(String text) {
		return text == null || text.length() <= 160 ? text : text.substring(0, 160) + "…";
	}

	/**
	 * @param credentialSource which licence, or why none
	 * @param credentialChars length of the verified credential
	 * @param payloadBytes JWS payload size on the raw side (the real licence's when there is one)
	 * @param rawOneThread raw JCA, one thread
	 * @param rawTwoThreads raw JCA, two threads
	 * @param platformValid whether the platform said the licence is valid (it should)
	 * @param platformAnswer the platform's first answer, abbreviated
	 * @param direct license-service itself
	 * @param gateway through the gateway
	 * @param skipped why the platform side did not run, or null
	 */
	public record Result(String credentialSource, int credentialChars, int payloadBytes, RawEs256.Rate rawOneThread,
			RawEs256.Rate rawTwoThreads, boolean platformValid, String platformAnswer, LoadResult direct,
			LoadResult gateway, String skipped) {

		/** Platform verifications (200s) per second, straight to license-service, over raw JCA on two threads. */
		public Double directOverRaw() {
			return direct == null || rawTwoThreads.perSecond() == 0 ? null
					: direct.throughputPerSecond() / rawTwoThreads.perSecond();
		}

		public Double gatewayOverRaw() {
			return gateway == null || rawTwoThreads.perSecond() == 0 ? null
					: gateway.throughputPerSecond() / rawTwoThreads.perSecond();
		}

	}

}
