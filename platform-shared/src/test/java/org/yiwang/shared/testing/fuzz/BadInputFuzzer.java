package org.yiwang.shared.testing.fuzz;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The platform's bad-input fuzz driver (issue 12 part 4). For every request mapping of a service it sends, over a
 * real socket to the server on its random port, a fixed corpus of bad requests: malformed percent-encoding and
 * invalid UTF-8 in query and path, path traversal, over-long segments and URIs, wrong JSON types and huge numbers
 * for each field of the request body, missing / extra / null fields, malformed JSON, wrong content types, multipart
 * without a boundary, oversized strings. It asserts, per answer:
 * <ul>
 * <li>never a 5xx;</li>
 * <li>every 4xx is {@code application/problem+json} with {@code type}, {@code title}, {@code status},
 * {@code detail};</li>
 * <li>a 400 caused by one field (a wrong JSON type, an unparsable query parameter) names that field in
 * {@code errors[].field};</li>
 * <li>a rejected write leaves every collection's document count as it was.</li>
 * </ul>
 * Deterministic: the corpus is fixed, the order and the random strings come from {@code -Dfuzz.seed} (default 12).
 * Prints the number of inputs tried; makes no timing assertion.
 */
public final class BadInputFuzzer {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	private static final Set<String> SKIPPED_PATHS = Set.of("/error");

	private final int port;

	private final RequestMappingHandlerMapping mappings;

	private final Supplier<Map<String, Long>> documentCounts;

	private final Random random;

	private final long seed;

	private final List<String> failures = new ArrayList<>();

	private int inputs;

	private Set<Integer> tolerated = Set.of();

	private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

	private BadInputFuzzer(int port, RequestMappingHandlerMapping mappings, Supplier<Map<String, Long>> documentCounts) {
		this.port = port;
		this.mappings = mappings;
		this.documentCounts = documentCounts;
		this.seed = Long.getLong("fuzz.seed", 12L);
		this.random = new Random(seed);
	}

	/**
	 * @param documentCounts collection name → document count, taken before and after each rejected write (null: no
	 * persistence check)
	 */
	public static BadInputFuzzer against(int port, RequestMappingHandlerMapping mappings,
			Supplier<Map<String, Long>> documentCounts) {
		return new BadInputFuzzer(port, mappings, documentCounts);
	}

	/**
	 * Statuses that are legitimate in this test's setup although 5xx, e.g. 503 where a peer service is not running
	 * in the test: such an answer must still be a problem, and is reported, not failed.
	 */
	public BadInputFuzzer tolerating(Integer... statuses) {
		this.tolerated = Set.of(statuses);
		return this;
	}

	/** One bad request, what it targets (for the report) and the field a 400 must name (or null). */
	record Input(String method, String target, Map<String, String> headers, byte[] body, String field,
			String description) {
	}

	/** Runs the corpus over every mapping; returns the failures (empty when the service behaved). */
	public List<String> run(String service) {
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> endpoints = new ArrayList<>(
				mappings.getHandlerMethods().entrySet());
		endpoints.sort(Comparator.comparing(e -> e.getKey().toString()));
		java.util.Collections.shuffle(endpoints, random);
		int endpointCount = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : endpoints) {
			for (String pattern : endpoint.getKey().getPatternValues()) {
				if (SKIPPED_PATHS.contains(pattern)) {
					continue;
				}
				Set<RequestMethod> methods = endpoint.getKey().getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpointCount++;
					for (Input input : corpus(method.name(), pattern, endpoint.getValue())) {
						send(input);
					}
				}
			}
		}
		for (Input input : serviceWide(endpoints)) {
			send(input);
		}
		System.out.printf("FUZZ %s: %d inputs over %d endpoints (seed %d), statuses %s, %d failures%n", service,
				inputs, endpointCount, seed, statuses, failures.size());
		failures.stream().limit(40).forEach(f -> System.out.println("FUZZ FAILURE " + f));
		try {
			java.nio.file.Path report = java.nio.file.Path.of("target", "fuzz-" + service + ".txt");
			java.nio.file.Files.createDirectories(report.getParent());
			java.nio.file.Files.write(report, failures);
		}
		catch (java.io.IOException ex) {
			// the report file is a convenience; the assertion carries the failures
		}
		return List.copyOf(failures);
	}

	public int inputs() {
		return inputs;
	}

	// ---------------------------------------------------------------- the corpus

	private List<Input> corpus(String method, String pattern, HandlerMethod handler) {
		List<Input> inputs = new ArrayList<>();
		Map<String, String> placeholders = placeholders(handler);
		Map<String, String> required = requiredParameters(handler);
		String path = concrete(pattern, placeholders, null, null);
		String query = query(required, null, null);
		String what = method + " " + pattern;
		boolean write = !method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD")
				&& !method.equals("OPTIONS");
		Map<String, String> json = json();
		byte[] baseline = write ? baseline(handler) : null;
		Map<String, String> bodyHeaders = write ? json : FuzzTokens.authorization();

		// query strings the container cannot decode
		for (String bad : List.of("x=%ff", "x=%zz", "%ff=1", "x=%e4%b8", "x=%", "x=%C0%AF")) {
			inputs.add(new Input(method, path + "?" + (query.isEmpty() ? "" : query + "&") + bad, bodyHeaders,
					baseline, bad.startsWith("x=") ? "x" : "query", what + " ?" + bad));
		}
		String suffix = query.isEmpty() ? "" : "?" + query;
		// path variables: bad escapes, traversal, oversized, injection-looking
		Matcher variables = VARIABLE.matcher(pattern);
		while (variables.find()) {
			String name = variables.group(1);
			for (String value : List.of("%ff", "%zz", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..;", "%00", "%0d%0aX:1",
					"a".repeat(3000), "%F0%9F%92%A9", "-1", "99999999999999999999", "%7B%22%24gt%22%3A%22%22%7D",
					"'%20OR%201=1--", randomGarbage(24))) {
				inputs.add(new Input(method, concrete(pattern, placeholders, name, value) + suffix, bodyHeaders, baseline, null,
						what + " {" + name + "}=" + abbreviate(value)));
			}
		}
		// query parameters of the wrong type, oversized, undecodable
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			String name = !param.name().isEmpty() ? param.name()
					: !param.value().isEmpty() ? param.value() : parameter.getParameterName();
			if (name == null || MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
				continue;
			}
			boolean numeric = isNumber(parameter.getParameterType());
			boolean bool = parameter.getParameterType() == boolean.class || parameter.getParameterType() == Boolean.class;
			for (String value : List.of("abc", "1.5", "99999999999999999999", "-1", "x".repeat(5000), "%ff", "",
					"2", "%00")) {
				boolean mismatch = value.equals("%ff") || ((numeric || bool) && (value.equals("abc")
						|| (numeric && !isDecimal(parameter.getParameterType()) && value.equals("1.5"))
						|| (numeric && value.equals("99999999999999999999")
								&& !isDecimal(parameter.getParameterType())
								&& parameter.getParameterType() != BigInteger.class)));
				inputs.add(new Input(method, path + "?" + query(required, name, value), bodyHeaders, baseline,
						mismatch ? name : null, what + " ?" + name + "=" + abbreviate(value)));
			}
		}
		if (!write) {
			return inputs;
		}
		// bodies: malformed, wrong shape, wrong content type
		for (String body : List.of("{", "[]", "null", "\"\"", "{}", "{\"a\":", "\u0000", "{\"x\":1e999999}",
				"[" .repeat(2000), "{\"unexpected\":{\"$where\":\"1\"}}")) {
			inputs.add(new Input(method, path + suffix, json, bytes(body), null, what + " body " + abbreviate(body)));
		}
		inputs.add(new Input(method, path + suffix, withContentType("text/plain"), baseline, null, what + " text/plain"));
		inputs.add(new Input(method, path + suffix, withContentType("application/xml"), bytes("<a/>"), null, what + " xml"));
		inputs.add(new Input(method, path + suffix, FuzzTokens.authorization(), baseline, null, what + " no content type"));
		inputs.add(new Input(method, path + suffix, withContentType("application/json; charset=ISO-2022-KR"), baseline, null,
				what + " exotic charset"));
		inputs.add(new Input(method, path + suffix, json, new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe,
				'"', '}' }, null, what + " invalid UTF-8 in JSON"));
		// multipart without a boundary, with a boundary but garbage, form-urlencoded with bad escapes
		inputs.add(new Input(method, path + suffix, withContentType("multipart/form-data"), bytes("abc"), null,
				what + " multipart without boundary"));
		inputs.add(new Input(method, path + suffix, withContentType("multipart/form-data; boundary=zzz"),
				bytes("--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated"), null,
				what + " truncated multipart"));
		inputs.add(new Input(method, path + suffix, withContentType("application/x-www-form-urlencoded"), bytes("a=%ff&b=%zz"),
				null, what + " form with bad escapes"));
		// each top-level field of the JSON body: wrong types, huge numbers, oversized strings, null, missing
		Class<?> bodyType = bodyType(handler);
		if (bodyType != null && bodyType.isRecord()) {
			for (RecordComponent component : bodyType.getRecordComponents()) {
				for (BadValue bad : badValues(component.getType())) {
					Map<String, Object> fields = baselineFields(bodyType, 0);
					if (bad.json == null) {
						fields.remove(component.getName());
					}
					else {
						fields.put(component.getName(), new Raw(bad.json));
					}
					inputs.add(new Input(method, path + suffix, json, bytes(toJson(fields)),
							bad.mismatch ? component.getName() : null,
							what + " ." + component.getName() + "=" + abbreviate(String.valueOf(bad.json))));
				}
			}
			Map<String, Object> extra = baselineFields(bodyType, 0);
			extra.put("unexpectedField", new Raw("{\"$ne\":null}"));
			inputs.add(new Input(method, path + suffix, json, bytes(toJson(extra)), null, what + " extra field"));
		}
		return inputs;
	}

	/** Inputs aimed at the server as a whole, sent once. */
	private List<Input> serviceWide(List<Map.Entry<RequestMappingInfo, HandlerMethod>> endpoints) {
		String anyPost = endpoints.stream()
			.filter(e -> e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST))
			.flatMap(e -> e.getKey().getPatternValues().stream())
			.sorted()
			.findFirst()
			.map(p -> concrete(p, Map.of(), null, null))
			.orElse("/api/v1/x");
		List<Input> inputs = new ArrayList<>();
		Map<String, String> auth = FuzzTokens.authorization();
		inputs.add(new Input("GET", "/api/v1/" + "a".repeat(20_000), auth, null, null, "20,000-character URI"));
		inputs.add(new Input("GET", "/api/v1/items?q=" + "b".repeat(9_000), auth, null, null, "9,000-character query"));
		inputs.add(new Input("GET", "/api/v1/\u00ff\u00fe", auth, null, null, "raw bytes above 0x7f in the path"));
		inputs.add(new Input("GET", "/api/v1/items?x=\u00ff", auth, null, null, "raw byte above 0x7f in the query"));
		inputs.add(new Input("GET", "/api/v1/..%2F..%2F..%2Fetc%2Fpasswd", auth, null, null, "encoded traversal"));
		inputs.add(new Input("GET", "/api/v1/%5c..%5c", auth, null, null, "encoded backslash traversal"));
		inputs.add(new Input("GET", "/api/v1/items%00.json", auth, null, null, "NUL in path"));
		inputs.add(new Input("GET", "//api//v1//", auth, null, null, "empty segments"));
		inputs.add(new Input("GET", "/api/v1/items", Map.of("Authorization", "Bearer " + FuzzTokens.TOKEN,
				"X-Big", "h".repeat(12_000)), null, null, "12 KB header"));
		inputs.add(new Input("GET", "/api/v1/items", Map.of("Authorization", "Bearer not-a-token"), null, null,
				"invalid token"));
		inputs.add(new Input("BREW", "/api/v1/items", auth, null, null, "unknown method"));
		inputs.add(new Input("POST", anyPost, json(), bigJson(12 * 1024 * 1024), null, "12 MB JSON body"));
		inputs.add(new Input("POST", anyPost, withContentType("multipart/form-data; boundary=q"),
				bigMultipart(12 * 1024 * 1024), null, "12 MB multipart body"));
		return inputs;
	}

	// ---------------------------------------------------------------- sending and judging

	private void send(Input input) {
		boolean write = input.body() != null && documentCounts != null;
		Map<String, Long> before = write ? documentCounts.get() : null;
		RawHttp.Response response;
		try {
			response = RawHttp.send(port, input.method(), input.target(), input.headers(), input.body());
		}
		catch (IllegalStateException ex) {
			failures.add(input.description() + ": no answer (" + ex.getMessage() + ")");
			inputs++;
			return;
		}
		inputs++;
		statuses.merge(response.status(), 1, Integer::sum);
		String body = response.body();
		String what = input.description() + " → " + response.status() + " " + response.contentType() + " "
				+ abbreviate(body.replace('\n', ' '));
		if (response.status() >= 500 && !tolerated.contains(response.status())) {
			failures.add("5xx: " + what);
			return;
		}
		if (response.status() >= 400) {
			if (!response.contentType().startsWith("application/problem+json")) {
				failures.add("not problem+json: " + what);
				return;
			}
			for (String member : List.of("\"type\"", "\"title\"", "\"status\"", "\"detail\"")) {
				if (!body.contains(member)) {
					failures.add("problem without " + member + ": " + what);
					return;
				}
			}
			if (response.status() == 400 && input.field() != null
					&& !body.contains("\"field\":\"" + input.field())) {
				failures.add("400 not naming field " + input.field() + ": " + what);
			}
			if (before != null) {
				Map<String, Long> after = documentCounts.get();
				if (!Objects.equals(before, after)) {
					failures.add("rejected write persisted " + difference(before, after) + ": " + what);
				}
			}
		}
	}

	private static String difference(Map<String, Long> before, Map<String, Long> after) {
		Set<String> names = new TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		StringBuilder out = new StringBuilder();
		for (String name : names) {
			long a = before.getOrDefault(name, 0L);
			long b = after.getOrDefault(name, 0L);
			if (a != b) {
				out.append(name).append(' ').append(a).append("→").append(b).append(' ');
			}
		}
		return out.toString().trim();
	}

	// ---------------------------------------------------------------- request bodies

	/** A JSON value written verbatim. */
	record Raw(String json) {
	}

	record BadValue(String json, boolean mismatch) {
	}

	private List<BadValue> badValues(Class<?> type) {
		List<BadValue> values = new ArrayList<>();
		values.add(new BadValue("null", false));
		values.add(new BadValue(null, false));
		if (isNumber(type)) {
			boolean decimal = isDecimal(type);
			values.add(new BadValue("1.5", !decimal));
			values.add(new BadValue("\"abc\"", true));
			values.add(new BadValue("true", true));
			values.add(new BadValue("[]", true));
			values.add(new BadValue("{}", true));
			values.add(new BadValue("99999999999999999999999", !decimal && type != BigInteger.class));
			values.add(new BadValue("-2147483649", type == int.class || type == Integer.class));
			values.add(new BadValue("1e400", false));
			values.add(new BadValue("-1", false));
		}
		else if (type == boolean.class || type == Boolean.class) {
			values.add(new BadValue("2", true));
			values.add(new BadValue("0", true));
			values.add(new BadValue("\"maybe\"", true));
			values.add(new BadValue("{}", true));
		}
		else if (type == String.class) {
			values.add(new BadValue("[]", true));
			values.add(new BadValue("{}", true));
			values.add(new BadValue(quote("z".repeat(100_000)), false));
			values.add(new BadValue(quote("\\u0000\\ud800" + randomGarbage(16)), false));
			values.add(new BadValue("\"\"", false));
			values.add(new BadValue("\"441502199001011234x\"", false));
		}
		else if (type.isEnum()) {
			values.add(new BadValue("\"NOT_A_CONSTANT\"", true));
			values.add(new BadValue("[]", true));
			values.add(new BadValue("99", true));
		}
		else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			values.add(new BadValue("{}", true));
			values.add(new BadValue("\"x\"", true));
			values.add(new BadValue("[" + "\"y\",".repeat(5000) + "\"y\"]", false));
			values.add(new BadValue("[null]", false));
		}
		else if (Temporal.class.isAssignableFrom(type)) {
			values.add(new BadValue("\"not-a-date\"", true));
			values.add(new BadValue("\"2026-02-30\"", true));
			values.add(new BadValue("[]", true));
		}
		else {
			values.add(new BadValue("[]", true));
			values.add(new BadValue("7", true));
		}
		return values;
	}

	private byte[] baseline(HandlerMethod handler) {
		Class<?> type = bodyType(handler);
		if (type == null) {
			return bytes("{}");
		}
		return bytes(toJson(baselineFields(type, 0)));
	}

	private static Class<?> bodyType(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return parameter.getParameterType();
			}
		}
		return null;
	}

	/** Plausibly typed values for each component of a record (the other fields of each bad body). */
	private static Map<String, Object> baselineFields(Class<?> type, int depth) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (!type.isRecord()) {
			return fields;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			fields.put(component.getName(), plausible(component.getType(), component.getGenericType(), depth));
		}
		return fields;
	}

	private static Object plausible(Class<?> type, Type generic, int depth) {
		if (type == String.class) {
			return "fuzz";
		}
		if (isNumber(type)) {
			return new Raw("1");
		}
		if (type == boolean.class || type == Boolean.class) {
			return new Raw("true");
		}
		if (type.isEnum()) {
			return type.getEnumConstants().length > 0 ? ((Enum<?>) type.getEnumConstants()[0]).name() : "X";
		}
		if (java.time.LocalDate.class == type) {
			return "2026-03-02";
		}
		if (java.time.Instant.class == type || java.time.OffsetDateTime.class == type) {
			return "2026-03-02T08:00:00Z";
		}
		if (java.time.LocalDateTime.class == type) {
			return "2026-03-02T08:00:00";
		}
		if (Collection.class.isAssignableFrom(type)) {
			if (generic instanceof ParameterizedType parameterized
					&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element && depth < 2) {
				return List.of(plausible(element, element, depth + 1));
			}
			return List.of();
		}
		if (Map.class.isAssignableFrom(type)) {
			return Map.of();
		}
		if (type.isRecord() && depth < 2) {
			return baselineFields(type, depth + 1);
		}
		return Map.of();
	}

	private static String toJson(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Raw raw) {
			return raw.json();
		}
		if (value instanceof String text) {
			return quote(text);
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(String.valueOf(k)))
				.append(':')
				.append(toJson(v)));
			return out.append('}').toString();
		}
		if (value instanceof Collection<?> list) {
			StringBuilder out = new StringBuilder("[");
			list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(toJson(v)));
			return out.append(']').toString();
		}
		return String.valueOf(value);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "\\\"") + "\"";
	}

	private static boolean isNumber(Class<?> type) {
		return type == int.class || type == long.class || type == short.class || type == double.class
				|| type == float.class || Number.class.isAssignableFrom(type);
	}

	private static boolean isDecimal(Class<?> type) {
		return type == double.class || type == float.class || type == Double.class || type == Float.class
				|| type == BigDecimal.class;
	}

	// ---------------------------------------------------------------- helpers

	/** Plausible values for the path variables: a number where the handler takes a number. */
	private static Map<String, String> placeholders(HandlerMethod handler) {
		Map<String, String> values = new LinkedHashMap<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			if (variable != null) {
				String name = !variable.name().isEmpty() ? variable.name()
						: !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
				values.put(name, isNumber(parameter.getParameterType()) ? "1" : "fuzz-0001");
			}
		}
		return values;
	}

	/** Plausible values for the required query parameters, so a bad value of one is the only fault. */
	private static Map<String, String> requiredParameters(HandlerMethod handler) {
		Map<String, String> values = new LinkedHashMap<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null || !param.required()
					|| !org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
					|| parameter.isOptional() || MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
				continue;
			}
			String name = !param.name().isEmpty() ? param.name()
					: !param.value().isEmpty() ? param.value() : parameter.getParameterName();
			Object value = plausible(parameter.getParameterType(), parameter.getGenericParameterType(), 2);
			values.put(name, value instanceof Raw raw ? raw.json() : value instanceof String text ? text : "fuzz");
		}
		return values;
	}

	private static String query(Map<String, String> required, String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(required);
		if (name != null) {
			all.put(name, value);
		}
		StringBuilder out = new StringBuilder();
		all.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(v));
		return out.toString();
	}

	private static String concrete(String pattern, Map<String, String> placeholders, String variable, String value) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group(1).equals(variable) ? value
					: placeholders.getOrDefault(matcher.group(1), "fuzz-0001");
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static Map<String, String> json() {
		return withContentType("application/json");
	}

	private static Map<String, String> withContentType(String contentType) {
		Map<String, String> headers = new LinkedHashMap<>(FuzzTokens.authorization());
		headers.put("Content-Type", contentType);
		return headers;
	}

	private String randomGarbage(int length) {
		String alphabet = "abcXYZ019-_.~!$&'()*+,;=:@%/?#[]<>\"{}|^` 中文\u00e9";
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = alphabet.charAt(random.nextInt(alphabet.length()));
			out.append(c);
		}
		// the request line stays ASCII: percent-encode the rest as UTF-8
		StringBuilder encoded = new StringBuilder();
		for (byte b : out.toString().getBytes(StandardCharsets.UTF_8)) {
			int unsigned = b & 0xff;
			if (unsigned < 0x80 && unsigned > 0x20 && "#?%\"<>\\^`{|} ".indexOf(unsigned) < 0) {
				encoded.append((char) unsigned);
			}
			else {
				encoded.append('%').append(String.format("%02X", unsigned));
			}
		}
		return encoded.toString();
	}

	private static byte[] bigJson(int size) {
		StringBuilder out = new StringBuilder(size + 20).append("{\"name\":\"");
		out.append("a".repeat(size));
		return bytes(out.append("\"}").toString());
	}

	private static byte[] bigMultipart(int size) {
		return bytes("--q\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n" + "%".repeat(size) + "\r\n--q--\r\n");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
	}

}
