package org.yiwang.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of the Kubernetes manifests in deploy/k8s (and the realm kustomization in deploy/keycloak): what a
 * reviewer would look for before {@code kubectl apply -k deploy/k8s/overlays/production}. Reads the YAML as written,
 * needs neither kubectl nor a cluster.
 */
class KubernetesManifestsTest {

	/** The six Spring Boot components and their HTTP ports. */
	static final Map<String, Integer> PLATFORM = orderedMap("gateway", 8080, "catalog-service", 8081,
			"application-service", 8082, "license-service", 8083, "identity-service", 8084, "exchange-service", 8085);

	/** The five services behind the gateway, and the gateway variable that routes to each. */
	static final Map<String, String> ROUTES = orderedMap("catalog-service", "CATALOG_URI", "application-service",
			"APPLICATION_URI", "license-service", "LICENSE_URI", "identity-service", "IDENTITY_URI", "exchange-service",
			"EXCHANGE_URI");

	static final Set<String> REALM_PLACEHOLDERS = Set.of("DEPT_SYSTEM_SECRET", "DEPT_WSJK_SYSTEM_SECRET",
			"DEPT_XFJY_SYSTEM_SECRET", "PARTNER_APP_SECRET",
			"IDENTITY_ADMIN_SECRET", "DEMO_USER_PASSWORD", "SVC_APPLICATION_SECRET", "SVC_LICENSE_SECRET",
			"SVC_EXCHANGE_SECRET");

	static final Pattern SECRET_LIKE_NAME = Pattern
		.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE_KEY).*|MONGODB_URI|KC_DB_URL|KC_DB_USERNAME");

	static Path repo;

	static Path k8s;

	static Path base;

	static Path production;

	static Path realmKustomizationDir;

	/** Every YAML document under deploy/k8s except kustomization files, with the file it came from. */
	static List<Manifest> manifests;

	/** The base's documents: the complete objects (overlay files are partial patches). */
	static List<Manifest> baseObjects;

	record Manifest(Path file, Map<String, Object> doc) {

		String kind() {
			return str(doc.get("kind"));
		}

		String name() {
			return str(at(doc, "metadata", "name"));
		}

		@Override
		public String toString() {
			return kind() + "/" + name() + " in " + repo.relativize(file);
		}

	}

	@BeforeAll
	static void load() {
		repo = findRepositoryRoot();
		k8s = repo.resolve("deploy/k8s");
		base = k8s.resolve("base");
		production = k8s.resolve("overlays/production");
		realmKustomizationDir = repo.resolve("deploy/keycloak");
		manifests = new ArrayList<>();
		for (Path file : yamlFilesUnder(k8s)) {
			if (!isKustomization(file)) {
				for (Object doc : loadAll(file)) {
					if (doc != null) {
						manifests.add(new Manifest(file, map(doc, file.toString())));
					}
				}
			}
		}
		baseObjects = manifests.stream().filter(m -> m.file().getParent().equals(base)).toList();
		assertThat(baseObjects).as("manifests in %s", base).isNotEmpty();
	}

	// ---------------------------------------------------------------- structure

	@Test
	void everyManifestHasApiVersionKindAndName() {
		assertThat(manifests).isNotEmpty().allSatisfy(m -> {
			assertThat(str(m.doc().get("apiVersion"))).as("apiVersion of a document in %s", m.file()).isNotBlank();
			assertThat(m.kind()).as("kind of a document in %s", m.file()).isNotBlank();
			assertThat(m.name()).as("metadata.name of a %s in %s", m.kind(), m.file()).isNotBlank();
		});
		for (Path file : kustomizationFiles()) {
			Map<String, Object> kustomization = loadKustomization(file.getParent());
			assertThat(kustomization.get("apiVersion")).as(file.toString()).isEqualTo("kustomize.config.k8s.io/v1beta1");
			assertThat(kustomization.get("kind")).as(file.toString()).isEqualTo("Kustomization");
		}
	}

	@Test
	void kustomizationsReferenceExactlyTheYamlFilesBesideThem() {
		List<Path> kustomizations = kustomizationFiles();
		assertThat(kustomizations).extracting(p -> repo.relativize(p.getParent()).toString().replace('\\', '/'))
			.contains("deploy/k8s/base", "deploy/k8s/overlays/production", "deploy/keycloak");
		for (Path file : kustomizations) {
			Path dir = file.getParent();
			Map<String, Object> kustomization = loadKustomization(dir);
			Set<String> referenced = referencedPaths(kustomization);
			for (String ref : referenced) {
				Path target = dir.resolve(ref).normalize();
				assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
					.as("%s refers to %s, which is neither a file nor a kustomization folder", file, ref)
					.isTrue();
			}
			Set<String> local = referenced.stream()
				.filter(ref -> !ref.contains("/"))
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> yamlBeside = listFiles(dir).stream()
				.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
				.filter(n -> !n.equals("kustomization.yaml"))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(local).as("files referenced by %s", file).containsAll(yamlBeside);
		}
	}

	@Test
	void baseUsesTheYiwangNamespaceAndTheOverlayBuildsOnTheBase() {
		Map<String, Object> kustomization = loadKustomization(base);
		assertThat(kustomization.get("namespace")).isEqualTo("yiwang");
		assertThat(baseObjects).filteredOn(m -> m.kind().equals("Namespace"))
			.extracting(Manifest::name)
			.containsExactly("yiwang");
		assertThat(list(loadKustomization(production).get("resources"))).contains("../../base");
	}

	// ---------------------------------------------------------------- workloads

	@Test
	void everyPlatformComponentHasADeploymentListeningOnItsPort() {
		PLATFORM.forEach((component, port) -> {
			Manifest deployment = find("Deployment", component);
			Map<String, Object> container = mainContainer(deployment);
			assertThat(str(container.get("image"))).as("image of %s", component)
				.startsWith("ghcr.io/yiwang/" + component + ":");
			assertThat(containerPorts(container).values()).as("container ports of %s", component).contains(port);
			Manifest service = find("Service", component);
			assertThat(list(at(service.doc(), "spec", "ports"))).as("ports of Service %s", component)
				.anySatisfy(p -> assertThat(at(p, "port")).isEqualTo(port));
		});
	}

	@Test
	void everyServiceHasReadinessAndLivenessProbes() {
		PLATFORM.forEach((component, port) -> {
			Map<String, Object> container = mainContainer(find("Deployment", component));
			Map<String, Integer> ports = containerPorts(container);
			Map<String, Object> readiness = map(container.get("readinessProbe"), component + " readinessProbe");
			Map<String, Object> liveness = map(container.get("livenessProbe"), component + " livenessProbe");
			Map<String, Object> startup = map(container.get("startupProbe"), component + " startupProbe");
			assertThat(at(readiness, "httpGet", "path")).as("%s readiness path", component)
				.isEqualTo("/actuator/health/readiness");
			assertThat(at(liveness, "httpGet", "path")).as("%s liveness path", component)
				.isEqualTo("/actuator/health/liveness");
			for (Map<String, Object> probe : List.of(readiness, liveness, startup)) {
				assertThat(resolvePort(at(probe, "httpGet", "port"), ports)).as("%s probe port", component)
					.isEqualTo(port);
			}
			// a slow first start (Mongo, Kafka, JWKS not yet reachable) must not get the pod killed by liveness
			int startupBudget = intOr(startup.get("failureThreshold"), 3) * intOr(startup.get("periodSeconds"), 10);
			assertThat(startupBudget).as("%s startupProbe failureThreshold x periodSeconds", component)
				.isGreaterThanOrEqualTo(120);
		});
		for (Manifest workload : workloads()) {
			for (Map<String, Object> container : containers(workload)) {
				assertThat(container).as("probes of %s", workload).containsKeys("readinessProbe", "livenessProbe");
			}
		}
	}

	@Test
	void everyContainerHasCpuAndMemoryRequestsAndLimits() {
		for (Manifest workload : workloads()) {
			for (Map<String, Object> container : containers(workload)) {
				for (String bound : List.of("requests", "limits")) {
					for (String resource : List.of("cpu", "memory")) {
						assertThat(at(container, "resources", bound, resource)).as("resources.%s.%s of %s", bound,
								resource, workload)
							.isNotNull();
					}
				}
			}
		}
	}

	@Test
	void resourceRequestsNeverExceedLimitsInBaseOrOverlays() {
		List<Manifest> withContainers = manifests.stream()
			.filter(m -> at(m.doc(), "spec", "template", "spec", "containers") != null)
			.toList();
		assertThat(withContainers).extracting(m -> m.file().getParent()).contains(base, production);
		for (Manifest m : withContainers) {
			for (Map<String, Object> container : containers(m)) {
				Object requests = at(container, "resources", "requests");
				Object limits = at(container, "resources", "limits");
				if (requests == null || limits == null) {
					continue;
				}
				assertThat(cpuMillis(at(requests, "cpu"))).as("cpu of %s", m)
					.isLessThanOrEqualTo(cpuMillis(at(limits, "cpu")));
				assertThat(bytes(at(requests, "memory"))).as("memory of %s", m)
					.isLessThanOrEqualTo(bytes(at(limits, "memory")));
			}
		}
	}

	@Test
	void platformPodsRunAsNonRootWithAReadOnlyRootFilesystem() {
		for (String component : PLATFORM.keySet()) {
			Manifest deployment = find("Deployment", component);
			Map<String, Object> pod = podSpec(deployment);
			Map<String, Object> container = mainContainer(deployment);
			assertThat(Optional.ofNullable(at(container, "securityContext", "runAsNonRoot"))
				.orElse(at(pod, "securityContext", "runAsNonRoot"))).as("runAsNonRoot of %s", component).isEqualTo(true);
			assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as("%s", component).isEqualTo(true);
			String tmpVolume = list(container.get("volumeMounts")).stream()
				.filter(v -> "/tmp".equals(at(v, "mountPath")))
				.map(v -> str(at(v, "name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError(component + " has no writable /tmp"));
			assertThat(list(pod.get("volumes"))).as("volumes of %s", component)
				.anySatisfy(v -> {
					assertThat(at(v, "name")).isEqualTo(tmpVolume);
					assertThat(map(v, "volume")).containsKey("emptyDir");
				});
		}
	}

	@Test
	void namespaceEnforcesRestrictedPodSecurityAndEveryPodComplies() {
		assertThat(at(find("Namespace", "yiwang").doc(), "metadata", "labels", "pod-security.kubernetes.io/enforce"))
			.isEqualTo("restricted");
		assertThat(workloads()).hasSizeGreaterThanOrEqualTo(PLATFORM.size() + 2).allSatisfy(workload -> {
			Map<String, Object> pod = podSpec(workload);
			for (Map<String, Object> container : containers(workload)) {
				Object nonRoot = Optional.ofNullable(at(container, "securityContext", "runAsNonRoot"))
					.orElse(at(pod, "securityContext", "runAsNonRoot"));
				assertThat(nonRoot).as("runAsNonRoot of %s", workload).isEqualTo(true);
				assertThat(at(container, "securityContext", "allowPrivilegeEscalation"))
					.as("allowPrivilegeEscalation of %s", workload)
					.isEqualTo(false);
				assertThat(list(at(container, "securityContext", "capabilities", "drop")))
					.as("dropped capabilities of %s", workload)
					.contains("ALL");
				assertThat(list(at(container, "securityContext", "capabilities", "add")))
					.as("added capabilities of %s", workload)
					.isEmpty();
				Object seccomp = Optional.ofNullable(at(container, "securityContext", "seccompProfile", "type"))
					.orElse(at(pod, "securityContext", "seccompProfile", "type"));
				assertThat(seccomp).as("seccompProfile of %s", workload).isEqualTo("RuntimeDefault");
			}
			assertThat(pod.get("hostNetwork")).as("hostNetwork of %s", workload).isNotEqualTo(true);
		});
	}

	@Test
	void noImageIsUntaggedOrLatest() {
		List<String> images = new ArrayList<>();
		for (Manifest workload : workloads()) {
			containers(workload).forEach(c -> images.add(str(c.get("image"))));
			list(at(podSpec(workload), "initContainers")).forEach(c -> images.add(str(at(c, "image"))));
		}
		assertThat(images).hasSizeGreaterThanOrEqualTo(PLATFORM.size() + 2).allSatisfy(image -> {
			String lastSegment = image.substring(image.lastIndexOf('/') + 1);
			assertThat(lastSegment).as("tag of %s", image).contains(":");
			assertThat(lastSegment.substring(lastSegment.indexOf(':') + 1)).as("tag of %s", image)
				.isNotBlank()
				.isNotEqualToIgnoringCase("latest");
		});
		List<Object> overrides = list(loadKustomization(production).get("images"));
		assertThat(overrides).allSatisfy(o -> assertThat(str(at(o, "newTag"))).as("newTag of %s", at(o, "name"))
			.isNotBlank()
			.isNotEqualToIgnoringCase("latest"));
		assertThat(overrides).as("production pins every platform image")
			.extracting(o -> str(at(o, "name")))
			.containsAll(PLATFORM.keySet().stream().map(c -> "ghcr.io/yiwang/" + c).toList());
	}

	// ---------------------------------------------------------------- configuration and secrets

	@Test
	void secretsComeOnlyFromSecretKeyRefs() throws IOException {
		List<Path> files = new ArrayList<>(yamlFilesUnder(k8s));
		files.addAll(yamlFilesUnder(realmKustomizationDir));
		for (Path file : files) {
			for (Object doc : loadAll(file)) {
				walk(doc, (key, value) -> {
					if (!key.equals("env")) {
						return;
					}
					for (Object entry : list(value)) {
						String name = str(at(entry, "name"));
						if (SECRET_LIKE_NAME.matcher(name).matches()) {
							assertThat(map(entry, name)).as("%s in %s must not be a literal", name, file)
								.doesNotContainKey("value");
							assertThat(at(entry, "valueFrom", "secretKeyRef", "name")).as("secret of %s in %s", name, file)
								.isNotNull();
						}
					}
				});
				if (doc instanceof Map<?, ?> m) {
					assertThat(m.get("kind")).as("a Secret committed in %s", file).isNotEqualTo("Secret");
					for (Object generator : list(m.get("configMapGenerator"))) {
						for (Object literal : list(at(generator, "literals"))) {
							String name = str(literal).split("=", 2)[0];
							assertThat(name).as("ConfigMap literal in %s", file).doesNotMatch(SECRET_LIKE_NAME);
						}
					}
					for (Object generator : list(m.get("secretGenerator"))) {
						assertThat(list(at(generator, "literals"))).as("secretGenerator literals in %s", file).isEmpty();
					}
				}
			}
			String text = Files.readString(file);
			assertThat(text).as("credentials inside a connection string in %s", file)
				.doesNotContainPattern("(mongodb(\\+srv)?|postgres(ql)?|jdbc:[a-z]+)://[^\\s/@:]+:[^\\s/@]+@");
		}
		for (String service : ROUTES.keySet()) {
			Map<String, Object> mongo = env(find("Deployment", service), "MONGODB_URI");
			assertThat(at(mongo, "valueFrom", "secretKeyRef", "name")).as("MONGODB_URI of %s", service)
				.isEqualTo("yiwang-mongodb");
			assertThat(at(mongo, "valueFrom", "secretKeyRef", "key")).isEqualTo("uri");
		}
		Map<String, Object> adminSecret = env(find("Deployment", "identity-service"), "IDENTITY_ADMIN_SECRET");
		assertThat(at(adminSecret, "valueFrom", "secretKeyRef", "name")).isEqualTo("yiwang-keycloak-realm");
	}

	@Test
	void everyPlatformComponentGetsTheSharedPlatformSettings() {
		Map<String, String> settings = generatedLiterals(loadKustomization(base), "yiwang-platform");
		assertThat(settings).containsEntry("SPRING_PROFILES_ACTIVE", "kubernetes")
			.containsEntry("KEYCLOAK_JWKS_URI", "http://keycloak:8080/realms/gov/protocol/openid-connect/certs")
			.containsKeys("KAFKA_BOOTSTRAP_SERVERS", "KEYCLOAK_ISSUER", "JAVA_TOOL_OPTIONS");
		assertThat(settings.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
		assertThat(settings.get("KEYCLOAK_ISSUER")).startsWith("https://").endsWith("/realms/gov");
		for (String component : PLATFORM.keySet()) {
			Map<String, Object> container = mainContainer(find("Deployment", component));
			assertThat(list(container.get("envFrom"))).as("envFrom of %s", component)
				.anySatisfy(e -> assertThat(at(e, "configMapRef", "name")).isEqualTo("yiwang-platform"));
		}
		Map<String, Object> admin = env(find("Deployment", "identity-service"), "KEYCLOAK_ADMIN_URL");
		assertThat(admin.get("value")).isEqualTo("http://keycloak:8080");
	}

	@Test
	void kafkaBootstrapServersNameEveryBrokerOfTheHeadlessService() {
		Manifest kafka = find("StatefulSet", "kafka");
		int replicas = (Integer) at(kafka.doc(), "spec", "replicas");
		String headless = str(at(kafka.doc(), "spec", "serviceName"));
		assertThat(at(find("Service", headless).doc(), "spec", "clusterIP")).isEqualTo("None");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < replicas; i++) {
			expected.add("kafka-" + i + "." + headless + ":9092");
		}
		String bootstrap = generatedLiterals(loadKustomization(base), "yiwang-platform").get("KAFKA_BOOTSTRAP_SERVERS");
		assertThat(bootstrap.split(",")).containsExactlyInAnyOrderElementsOf(expected);
		String voters = str(env(kafka, "KAFKA_CONTROLLER_QUORUM_VOTERS").get("value"));
		assertThat(voters.split(",")).hasSize(replicas)
			.allSatisfy(v -> assertThat(v).matches("\\d+@kafka-\\d+\\." + Pattern.quote(headless) + ":9093"));
	}

	@Test
	void kafkaIsAThreeNodeKraftClusterThatToleratesOneNodeDown() {
		Manifest kafka = find("StatefulSet", "kafka");
		assertThat(at(kafka.doc(), "spec", "replicas")).isEqualTo(3);
		assertThat(str(mainContainer(kafka).get("image"))).isEqualTo("apache/kafka:4.1.2");
		assertThat(env(kafka, "KAFKA_PROCESS_ROLES").get("value")).isEqualTo("broker,controller");
		assertThat(env(kafka, "KAFKA_DEFAULT_REPLICATION_FACTOR").get("value")).isEqualTo("3");
		assertThat(env(kafka, "KAFKA_MIN_INSYNC_REPLICAS").get("value")).isEqualTo("2");
		assertThat(env(kafka, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").get("value")).isEqualTo("3");
		assertThat(env(kafka, "CLUSTER_ID")).as("KRaft cluster id").isNotNull();
		// data on a PersistentVolumeClaim per node
		List<Object> claims = list(at(kafka.doc(), "spec", "volumeClaimTemplates"));
		assertThat(claims).isNotEmpty();
		String claim = str(at(claims.get(0), "metadata", "name"));
		assertThat(list(mainContainer(kafka).get("volumeMounts")))
			.anySatisfy(v -> assertThat(at(v, "name")).isEqualTo(claim));
		// the platform declares topics with replication factor 3 too
		assertThat(generatedLiterals(loadKustomization(base), "yiwang-platform"))
			.containsEntry("PLATFORM_KAFKA_REPLICATION_FACTOR", "3");
		assertThat(at(find("PodDisruptionBudget", "kafka").doc(), "spec", "maxUnavailable")).isEqualTo(1);
	}

	@Test
	void keycloakImportsTheGovRealmFromTheRepository() throws IOException {
		// the ConfigMap is generated beside the realm file, and the base pulls that kustomization in
		Map<String, Object> realmKustomization = loadKustomization(realmKustomizationDir);
		Object generator = list(realmKustomization.get("configMapGenerator")).stream()
			.filter(g -> list(at(g, "files")).stream().map(KubernetesManifestsTest::str).anyMatch(f -> f.endsWith("gov-realm.json")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ConfigMap generated from gov-realm.json in " + realmKustomizationDir));
		String configMap = str(at(generator, "name"));
		assertThat(list(loadKustomization(base).get("resources")).stream()
			.map(r -> base.resolve(str(r)).normalize())
			.toList()).contains(realmKustomizationDir);
		Path realmFile = realmKustomizationDir.resolve("gov-realm.json");
		assertThat(realmFile).as("the realm file the ConfigMap is generated from").isRegularFile();

		Manifest keycloak = find("Deployment", "keycloak");
		Map<String, Object> container = mainContainer(keycloak);
		assertThat(str(container.get("image"))).isEqualTo("quay.io/keycloak/keycloak:26.5.6");
		List<String> args = list(container.get("args")).stream().map(KubernetesManifestsTest::str).toList();
		assertThat(args).first().isEqualTo("start");
		assertThat(args).contains("--import-realm", "--http-enabled=true", "--proxy-headers=xforwarded");
		assertThat(args).noneMatch(a -> a.startsWith("start-dev"));
		String volume = list(podSpec(keycloak).get("volumes")).stream()
			.filter(v -> configMap.equals(at(v, "configMap", "name")))
			.map(v -> str(at(v, "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Keycloak does not mount ConfigMap " + configMap));
		assertThat(list(container.get("volumeMounts"))).anySatisfy(m -> {
			assertThat(at(m, "name")).isEqualTo(volume);
			assertThat(at(m, "mountPath")).isEqualTo("/opt/keycloak/data/import");
		});
		assertThat(at(env(keycloak, "KC_HOSTNAME"), "valueFrom", "configMapKeyRef", "name")).isEqualTo("yiwang-platform");
		for (String db : List.of("KC_DB_URL", "KC_DB_USERNAME", "KC_DB_PASSWORD")) {
			assertThat(at(env(keycloak, db), "valueFrom", "secretKeyRef", "name")).as(db).isEqualTo("yiwang-keycloak-db");
		}

		// the realm's credentials come from yiwang-keycloak-realm ...
		for (String placeholder : REALM_PLACEHOLDERS) {
			assertThat(at(env(keycloak, placeholder), "valueFrom", "secretKeyRef", "name"))
				.as("Keycloak variable %s for gov-realm.json", placeholder)
				.isEqualTo("yiwang-keycloak-realm");
		}
		// ... and every environment placeholder without a default is set on the container. (UPPER_SNAKE names only:
		// ${addressScopeConsentText}, ${role_...} and the like are Keycloak's message keys, left as they are.)
		Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(Files.readString(realmFile));
		Set<String> placeholders = new TreeSet<>();
		while (matcher.find()) {
			if (matcher.group(2) == null) {
				placeholders.add(matcher.group(1));
			}
		}
		assertThat(placeholders).as("placeholders of %s", realmFile).containsAll(REALM_PLACEHOLDERS);
		for (String placeholder : placeholders) {
			assertThat(env(keycloak, placeholder)).as("Keycloak variable %s for gov-realm.json", placeholder)
				.containsKey("valueFrom");
		}
	}

	@Test
	void gatewayRoutesToEveryServiceThroughItsClusterService() {
		Manifest gateway = find("Deployment", "gateway");
		ROUTES.forEach((service, variable) -> {
			int port = PLATFORM.get(service);
			assertThat(env(gateway, variable).get("value")).as(variable).isEqualTo("http://" + service + ":" + port);
			assertThat(list(at(find("Service", service).doc(), "spec", "ports")))
				.anySatisfy(p -> assertThat(at(p, "port")).isEqualTo(port));
		});
	}

	// ---------------------------------------------------------------- services, availability, network

	@Test
	void everyServiceSelectsThePodsOfAWorkload() {
		List<Manifest> services = baseObjects.stream().filter(m -> m.kind().equals("Service")).toList();
		assertThat(services).extracting(Manifest::name).containsAll(PLATFORM.keySet()).contains("kafka", "keycloak");
		for (Manifest service : services) {
			Map<String, Object> selector = map(at(service.doc(), "spec", "selector"), "selector of " + service);
			assertThat(selector).as("selector of %s", service).isNotEmpty();
			Manifest workload = workloads().stream()
				.filter(w -> labelsMatch(selector, podLabels(w)))
				.findFirst()
				.orElseThrow(() -> new AssertionError(service + " selects no Deployment or StatefulSet: " + selector));
			Map<String, Integer> ports = new LinkedHashMap<>();
			containers(workload).forEach(c -> ports.putAll(containerPorts(c)));
			for (Object port : list(at(service.doc(), "spec", "ports"))) {
				Object target = Optional.ofNullable(at(port, "targetPort")).orElse(at(port, "port"));
				assertThat(ports.values()).as("target port %s of %s on %s", target, service, workload)
					.contains(resolvePort(target, ports));
			}
		}
	}

	@Test
	void everyServiceHasADisruptionBudgetAndAnAutoscaler() {
		for (String component : PLATFORM.keySet()) {
			Manifest deployment = find("Deployment", component);
			Map<String, Object> labels = podLabels(deployment);
			Manifest pdb = find("PodDisruptionBudget", component);
			assertThat(at(pdb.doc(), "spec", "minAvailable")).as("PDB of %s", component).isEqualTo(1);
			assertThat(labelsMatch(map(at(pdb.doc(), "spec", "selector", "matchLabels"), "PDB selector"), labels))
				.as("PDB of %s selects its pods", component)
				.isTrue();
			Manifest hpa = find("HorizontalPodAutoscaler", component);
			assertThat(at(hpa.doc(), "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
			assertThat(at(hpa.doc(), "spec", "scaleTargetRef", "name")).isEqualTo(component);
			int min = (Integer) at(hpa.doc(), "spec", "minReplicas");
			assertThat(min).as("minReplicas of %s", component).isGreaterThanOrEqualTo(2);
			assertThat((Integer) at(hpa.doc(), "spec", "maxReplicas")).as("maxReplicas of %s", component)
				.isGreaterThanOrEqualTo(6);
			assertThat(list(at(hpa.doc(), "spec", "metrics"))).anySatisfy(metric -> {
				assertThat(at(metric, "resource", "name")).isEqualTo("cpu");
				assertThat(at(metric, "resource", "target", "averageUtilization")).isEqualTo(70);
			});
			// the autoscaler owns the replica count: a fixed count would be reset on every apply
			Object replicas = at(deployment.doc(), "spec", "replicas");
			assertThat(replicas == null || (Integer) replicas <= min).as("replicas of %s", component).isTrue();
		}
	}

	@Test
	void onlyTheGatewayMayCallTheServices() {
		Manifest defaultDeny = baseObjects.stream()
			.filter(m -> m.kind().equals("NetworkPolicy"))
			.filter(m -> map(at(m.doc(), "spec", "podSelector"), "podSelector").isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no namespace-wide default-deny NetworkPolicy"));
		assertThat(list(at(defaultDeny.doc(), "spec", "policyTypes"))).contains("Ingress");
		assertThat(list(at(defaultDeny.doc(), "spec", "ingress"))).isEmpty();

		for (String service : ROUTES.keySet()) {
			List<Object> peers = ingressPeers(service);
			assertThat(peers).as("who may reach %s", service).isNotEmpty().allSatisfy(peer -> {
				assertThat(map(peer, "peer")).containsOnlyKeys("podSelector");
				assertThat(at(peer, "podSelector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
			});
		}
		// Kafka: platform pods (and the other Kafka nodes), nothing from outside the namespace
		Set<String> platformAndKafka = new TreeSet<>(PLATFORM.keySet());
		platformAndKafka.add("kafka");
		assertThat(ingressPeers("kafka")).isNotEmpty().allSatisfy(peer -> {
			assertThat(map(peer, "peer")).containsOnlyKeys("podSelector");
			assertThat(selectedNames(map(at(peer, "podSelector"), "podSelector"))).isSubsetOf(platformAndKafka);
		});
		// Keycloak: the ingress controller's namespace, the platform pods and the other Keycloak pods
		List<Object> keycloakPeers = ingressPeers("keycloak");
		assertThat(keycloakPeers).anySatisfy(peer -> assertThat(map(peer, "peer")).containsOnlyKeys("namespaceSelector"));
		assertThat(keycloakPeers).filteredOn(peer -> map(peer, "peer").containsKey("podSelector"))
			.isNotEmpty()
			.allSatisfy(peer -> assertThat(selectedNames(map(at(peer, "podSelector"), "podSelector")))
				.isSubsetOf(union(PLATFORM.keySet(), Set.of("keycloak"))));
		assertThat(keycloakPeers).noneSatisfy(peer -> assertThat(map(peer, "peer")).containsKey("ipBlock"));
	}

	@Test
	void ingressPublishesOnlyTheGatewayAndKeycloakRealms() {
		List<Manifest> ingresses = baseObjects.stream().filter(m -> m.kind().equals("Ingress")).toList();
		assertThat(ingresses).isNotEmpty();
		for (Manifest ingress : ingresses) {
			assertThat(list(at(ingress.doc(), "spec", "tls"))).as("TLS of %s", ingress)
				.isNotEmpty()
				.allSatisfy(tls -> assertThat(str(at(tls, "secretName"))).isNotBlank());
			for (Object rule : list(at(ingress.doc(), "spec", "rules"))) {
				for (Object path : list(at(rule, "http", "paths"))) {
					String backend = str(at(path, "backend", "service", "name"));
					assertThat(backend).as("backend of %s", ingress).isIn("gateway", "keycloak");
					if (backend.equals("keycloak")) {
						assertThat(str(at(path, "path"))).as("Keycloak path").startsWith("/auth/").doesNotContain("admin");
					}
				}
			}
		}
	}

	@Test
	void productionIngressHostMatchesTheTokenIssuer() {
		Map<String, String> settings = generatedLiterals(loadKustomization(production), "yiwang-platform");
		String issuer = settings.get("KEYCLOAK_ISSUER");
		String keycloakUrl = settings.get("KEYCLOAK_HOSTNAME");
		assertThat(issuer).isEqualTo(keycloakUrl + "/realms/gov");
		String host = issuer.replaceFirst("^https://", "").replaceFirst("/.*$", "");
		assertThat(settings.get("PORTAL_URL")).isEqualTo("https://" + host);
		List<Manifest> ingressPatches = manifests.stream()
			.filter(m -> m.file().getParent().equals(production) && m.kind().equals("Ingress"))
			.toList();
		assertThat(ingressPatches).isNotEmpty().allSatisfy(ingress -> {
			assertThat(list(at(ingress.doc(), "spec", "rules"))).allSatisfy(r -> assertThat(at(r, "host")).isEqualTo(host));
			assertThat(list(at(ingress.doc(), "spec", "tls")))
				.allSatisfy(t -> assertThat(list(at(t, "hosts"))).containsExactly(host));
		});
		// base: the same consistency for its placeholder host
		Map<String, String> baseSettings = generatedLiterals(loadKustomization(base), "yiwang-platform");
		assertThat(baseSettings.get("KEYCLOAK_ISSUER")).isEqualTo(baseSettings.get("KEYCLOAK_HOSTNAME") + "/realms/gov");
	}

	// ---------------------------------------------------------------- helpers: model

	static List<Manifest> workloads() {
		return baseObjects.stream().filter(m -> m.kind().equals("Deployment") || m.kind().equals("StatefulSet")).toList();
	}

	static Manifest find(String kind, String name) {
		return baseObjects.stream()
			.filter(m -> m.kind().equals(kind) && m.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + base));
	}

	static Map<String, Object> podSpec(Manifest workload) {
		return map(at(workload.doc(), "spec", "template", "spec"), "pod spec of " + workload);
	}

	static List<Map<String, Object>> containers(Manifest workload) {
		return list(at(workload.doc(), "spec", "template", "spec", "containers")).stream()
			.map(c -> map(c, "container of " + workload))
			.toList();
	}

	static Map<String, Object> mainContainer(Manifest workload) {
		List<Map<String, Object>> containers = containers(workload);
		assertThat(containers).as("containers of %s", workload).isNotEmpty();
		return containers.stream()
			.filter(c -> workload.name().equals(c.get("name")))
			.findFirst()
			.orElse(containers.get(0));
	}

	static Map<String, Object> podLabels(Manifest workload) {
		return map(at(workload.doc(), "spec", "template", "metadata", "labels"), "pod labels of " + workload);
	}

	static Map<String, Integer> containerPorts(Map<String, Object> container) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Object port : list(container.get("ports"))) {
			Integer number = (Integer) at(port, "containerPort");
			ports.put(Objects.toString(at(port, "name"), String.valueOf(number)), number);
		}
		return ports;
	}

	static Integer resolvePort(Object port, Map<String, Integer> containerPorts) {
		if (port instanceof Integer number) {
			return number;
		}
		Integer resolved = containerPorts.get(str(port));
		assertThat(resolved).as("named port %s among %s", port, containerPorts).isNotNull();
		return resolved;
	}

	/** The env entry of that name in the workload's main container (fails when absent). */
	static Map<String, Object> env(Manifest workload, String name) {
		return list(mainContainer(workload).get("env")).stream()
			.filter(e -> name.equals(at(e, "name")))
			.map(e -> map(e, name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(workload + " has no env variable " + name));
	}

	/** The peers of all ingress rules of the NetworkPolicies that select the pods of that component. */
	static List<Object> ingressPeers(String component) {
		Map<String, Object> labels = podLabels(workloads().stream()
			.filter(w -> w.name().equals(component))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no workload " + component)));
		List<Manifest> policies = baseObjects.stream()
			.filter(m -> m.kind().equals("NetworkPolicy"))
			.filter(m -> {
				Map<String, Object> selector = map(at(m.doc(), "spec", "podSelector", "matchLabels"), "matchLabels");
				return !selector.isEmpty() && labelsMatch(selector, labels);
			})
			.toList();
		assertThat(policies).as("NetworkPolicies of %s", component).isNotEmpty();
		List<Object> peers = new ArrayList<>();
		for (Manifest policy : policies) {
			for (Object rule : list(at(policy.doc(), "spec", "ingress"))) {
				List<Object> from = list(at(rule, "from"));
				assertThat(from).as("a rule of %s open to every source", policy).isNotEmpty();
				peers.addAll(from);
			}
		}
		return peers;
	}

	/** The app.kubernetes.io/name values a pod selector admits (matchLabels or an In expression). */
	static Set<String> selectedNames(Map<String, Object> podSelector) {
		Set<String> names = new TreeSet<>();
		Object label = at(podSelector, "matchLabels", "app.kubernetes.io/name");
		if (label != null) {
			names.add(str(label));
		}
		for (Object expression : list(podSelector.get("matchExpressions"))) {
			assertThat(at(expression, "key")).isEqualTo("app.kubernetes.io/name");
			assertThat(at(expression, "operator")).isEqualTo("In");
			list(at(expression, "values")).forEach(v -> names.add(str(v)));
		}
		assertThat(names).as("pod selector %s names no component", podSelector).isNotEmpty();
		return names;
	}

	static boolean labelsMatch(Map<String, Object> selector, Map<String, Object> labels) {
		return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

	// ---------------------------------------------------------------- helpers: kustomize

	static boolean isKustomization(Path file) {
		return file.getFileName().toString().equals("kustomization.yaml");
	}

	static List<Path> kustomizationFiles() {
		List<Path> files = new ArrayList<>(yamlFilesUnder(k8s).stream().filter(KubernetesManifestsTest::isKustomization).toList());
		Path realm = realmKustomizationDir.resolve("kustomization.yaml");
		if (Files.isRegularFile(realm)) {
			files.add(realm);
		}
		return files;
	}

	static Map<String, Object> loadKustomization(Path dir) {
		Path file = dir.resolve("kustomization.yaml");
		assertThat(file).isRegularFile();
		List<Object> docs = loadAll(file);
		assertThat(docs).as(file.toString()).hasSize(1);
		return map(docs.get(0), file.toString());
	}

	/** Paths a kustomization loads: resources, components, patch files and generator files. */
	static Set<String> referencedPaths(Map<String, Object> kustomization) {
		Set<String> paths = new LinkedHashSet<>();
		list(kustomization.get("resources")).forEach(r -> paths.add(str(r)));
		list(kustomization.get("components")).forEach(r -> paths.add(str(r)));
		list(kustomization.get("patchesStrategicMerge")).forEach(p -> paths.add(str(p)));
		for (Object patch : list(kustomization.get("patches"))) {
			if (at(patch, "path") != null) {
				paths.add(str(at(patch, "path")));
			}
		}
		for (String generators : List.of("configMapGenerator", "secretGenerator")) {
			for (Object generator : list(kustomization.get(generators))) {
				for (Object file : list(at(generator, "files"))) {
					String spec = str(file);
					paths.add(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec);
				}
				list(at(generator, "envs")).forEach(e -> paths.add(str(e)));
			}
		}
		return paths;
	}

	/** The literals of the named configMapGenerator entry, as a map. */
	static Map<String, String> generatedLiterals(Map<String, Object> kustomization, String name) {
		Object generator = list(kustomization.get("configMapGenerator")).stream()
			.filter(g -> name.equals(at(g, "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no configMapGenerator " + name));
		Map<String, String> literals = new LinkedHashMap<>();
		for (Object literal : list(at(generator, "literals"))) {
			String[] pair = str(literal).split("=", 2);
			literals.put(pair[0], pair.length > 1 ? pair[1] : "");
		}
		return literals;
	}

	// ---------------------------------------------------------------- helpers: files and YAML

	static Path findRepositoryRoot() {
		Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path d = dir; d != null; d = d.getParent()) {
			if (Files.isDirectory(d.resolve("deploy/k8s"))) {
				return d;
			}
		}
		return fail("no folder containing deploy/k8s above " + dir);
	}

	static List<Path> yamlFilesUnder(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile)
				.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> listFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Object> loadAll(Path file) {
		try {
			List<Object> docs = new ArrayList<>();
			new Yaml().loadAll(Files.readString(file)).forEach(docs::add);
			return docs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("invalid YAML in " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Visits every (key, value) pair of every map nested in the node. */
	static void walk(Object node, java.util.function.BiConsumer<String, Object> visitor) {
		if (node instanceof Map<?, ?> m) {
			m.forEach((k, v) -> {
				visitor.accept(String.valueOf(k), v);
				walk(v, visitor);
			});
		}
		else if (node instanceof Collection<?> c) {
			c.forEach(v -> walk(v, visitor));
		}
	}

	/** Follows map keys; null when any step is missing or not a map. */
	static Object at(Object node, String... keys) {
		Object current = node;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> m)) {
				return null;
			}
			current = m.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, String what) {
		if (node == null) {
			return Map.of();
		}
		assertThat(node).as(what).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node) {
		if (node == null) {
			return List.of();
		}
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

	static String str(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	static int intOr(Object value, int fallback) {
		return value instanceof Integer i ? i : fallback;
	}

	static long cpuMillis(Object quantity) {
		String q = str(quantity);
		return q.endsWith("m") ? Long.parseLong(q.substring(0, q.length() - 1)) : Math.round(Double.parseDouble(q) * 1000);
	}

	static long bytes(Object quantity) {
		String q = str(quantity);
		Map<String, Long> units = orderedMap("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40, "k", 1000L,
				"M", 1000_000L, "G", 1000_000_000L);
		for (Map.Entry<String, Long> unit : units.entrySet()) {
			if (q.endsWith(unit.getKey())) {
				return Math.round(Double.parseDouble(q.substring(0, q.length() - unit.getKey().length())) * unit.getValue());
			}
		}
		return Long.parseLong(q);
	}

	static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

	@SuppressWarnings("unchecked")
	static <V> Map<String, V> orderedMap(Object... keysAndValues) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
		}
		return map;
	}

}
