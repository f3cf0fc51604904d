package org.yiwang.bench.peer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.yiwang.bench.Progress;
import org.yiwang.bench.proc.DataDirs;
import org.yiwang.bench.report.Percentiles;

/**
 * The comparison peer: the same 开餐馆 approval on an embedded Flowable 7.2 engine — standalone configuration, H2
 * file database, history level {@code audit}, no async executor — driven the way departments would work it. Each
 * driver thread takes the next application, starts its process instance, and completes the SCJG, XFJY and WSJK
 * tasks in turn (find the task by process instance and candidate group, claim it as the department's officer,
 * complete it with the decision and the licence data); every completion issues the department's licence in the
 * same transaction ({@link LicenceIssuer}).
 *
 * <p>
 * Use {@link #measure} for a run with its own fresh database; {@link #open} for a test that looks inside.
 */
public final class FlowablePeer implements AutoCloseable {

	public static final String PROCESS_KEY = "restaurantApproval";

	static final String BPMN = "peer/restaurant-approval.bpmn20.xml";

	private static final AtomicInteger ENGINES = new AtomicInteger();

	private final Path directory;

	private final String jdbcUrl;

	private final ProcessEngine engine;

	private final long startMillis;

	private FlowablePeer(Path directory, int connections) {
		this.directory = directory;
		this.jdbcUrl = "jdbc:h2:file:" + directory.resolve("flowable").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
		long begin = System.nanoTime();
		createLicenceTable();
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setEngineName("bench-peer-" + ENGINES.incrementAndGet());
		configuration.setJdbcUrl(jdbcUrl);
		configuration.setJdbcDriver("org.h2.Driver");
		configuration.setJdbcUsername("sa");
		configuration.setJdbcPassword("");
		configuration.setJdbcMaxActiveConnections(Math.max(4, connections));
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory("audit");
		configuration.setAsyncExecutorActivate(false);
		configuration.setDisableIdmEngine(true);
		configuration.setDisableEventRegistry(true);
		this.engine = configuration.buildProcessEngine();
		if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
			engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).name("restaurant").deploy();
		}
		this.startMillis = (System.nanoTime() - begin) / 1_000_000;
	}

	/** An engine on the H2 database in {@code directory} (created when absent), for {@code threads} drivers. */
	public static FlowablePeer open(Path directory, int threads) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot create " + directory, ex);
		}
		return new FlowablePeer(directory, threads + 2);
	}

	/**
	 * A measured run on a fresh database in {@code directory}: the engine is built and closed once (schema and
	 * deployment, so their bytes are not counted), opened again, driven, checked (after the clock stops) and closed;
	 * the database growth is read from the closed file.
	 */
	public static PeerResult measure(Path directory, int applications, int threads, Progress progress) {
		long engineStart;
		try (FlowablePeer fresh = open(directory, threads)) {
			engineStart = fresh.startMillis;
		}
		long before = databaseBytes(directory);
		Run run;
		Check check;
		try (FlowablePeer peer = open(directory, threads)) {
			run = peer.drive(applications, threads, false, progress);
			check = peer.check();
		}
		long after = databaseBytes(directory);
		return new PeerResult(threads, applications, check.completed(), run.failed(), run.elapsedMillis(),
				run.elapsedMillis() == 0 ? 0 : check.completed() * 1000.0 / run.elapsedMillis(),
				Percentiles.of(run.latencyMicros(), 1000), run.processCpuNanos() / 1e6, run.driverCpuNanos() / 1e6,
				after - before, check.licences(), check.incomplete(), check.orderingViolations() + run.liveViolations(),
				engineStart, run.firstError());
	}

	/**
	 * Applications driven through a throw-away engine (half on one driver thread, half on two, as measured), so that
	 * the measured runs do not pay for class loading and JIT compilation.
	 */
	public static void warmUp(Path directory, int applications) {
		try (FlowablePeer peer = open(directory, 2)) {
			peer.drive(applications / 2, 1, false, line -> {
			});
			peer.drive(applications - applications / 2, 2, false, line -> {
			});
		}
	}

	long startMillis() {
		return startMillis;
	}

	// ---- the driver -------------------------------------------------------------------------------------------

	/**
	 * @param checkOrderingLive before completing SCJG, also ask whether a WSJK task exists already (an extra query
	 * per application: for tests, not for measuring)
	 */
	Run drive(int applications, int threads, boolean checkOrderingLive, Progress progress) {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger violations = new AtomicInteger();
		AtomicLong driverCpu = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		Histogram latency = new Histogram(3_600_000_000L, 3);
		ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
		int reportEvery = Math.max(10, applications / 10);
		List<Thread> drivers = new ArrayList<>();
		long cpuBefore = processCpuNanos();
		long begin = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			Thread driver = new Thread(() -> {
				long threadCpuBefore = threadBean.getCurrentThreadCpuTime();
				Histogram own = new Histogram(3_600_000_000L, 3);
				int i;
				while ((i = next.getAndIncrement()) < applications) {
					long start = System.nanoTime();
					try {
						if (!application(i, checkOrderingLive)) {
							violations.incrementAndGet();
						}
						own.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
					}
					catch (RuntimeException ex) {
						failed.incrementAndGet();
						firstError.compareAndSet(null, ex.toString());
					}
					int count = done.incrementAndGet();
					if (count % reportEvery == 0) {
						double seconds = (System.nanoTime() - begin) / 1e9;
						progress.report(String.format("flowable %dt: %d/%d applications (%.0f/s)", threads, count,
								applications, count / seconds));
					}
				}
				driverCpu.addAndGet(threadBean.getCurrentThreadCpuTime() - threadCpuBefore);
				synchronized (latency) {
					latency.add(own);
				}
			}, "peer-driver-" + t);
			drivers.add(driver);
			driver.start();
		}
		for (Thread driver : drivers) {
			try {
				driver.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while the peer ran", ex);
			}
		}
		long elapsed = (System.nanoTime() - begin) / 1_000_000;
		return new Run(elapsed, processCpuNanos() - cpuBefore, driverCpu.get(), latency, failed.get(), violations.get(),
				firstError.get());
	}

	/** One application from submission to its last licence; false when the ordering rule was seen broken. */
	private boolean application(int index, boolean checkOrderingLive) {
		RuntimeService runtime = engine.getRuntimeService();
		Map<String, Object> variables = new HashMap<>();
		variables.put("applicant", "peer-applicant-" + index);
		variables.put("applicantName", "申请人" + index);
		variables.put("enterpriseName", "深圳市示例餐饮管理有限公司" + index);
		variables.put("itemCodes", "44030000SCJG-DJ-0001,44030000SCJG-XK-0001,44030000XFJY-XK-0001");
		variables.put("form", "{\"businessName\":\"示例小馆" + index + "\",\"address\":\"深圳市福田区示例路" + index
				+ "号\",\"seats\":48,\"areaSquareMetres\":120,\"kitchenSquareMetres\":30,\"legalRepresentative\":\"张三\","
				+ "\"businessScope\":\"热食类食品制售；冷食类食品制售\",\"phone\":\"0755-00000000\"}");
		ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, "APP-" + index, variables);
		boolean orderKept = true;
		if (checkOrderingLive) {
			orderKept = openTasks(instance.getId(), "WSJK") == 0;
		}
		decide(instance.getId(), "SCJG", "officer-scjg", "经营场所：深圳市福田区示例路" + index + "号");
		decide(instance.getId(), "XFJY", "officer-xfjy", "座位数：48；疏散通道：2");
		decide(instance.getId(), "WSJK", "officer-wsjk", "经营项目：热食类食品制售");
		return orderKept;
	}

	private void decide(String processInstanceId, String department, String officer, String licenceData) {
		TaskService tasks = engine.getTaskService();
		Task task = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskCandidateGroup(department)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("no open " + department + " task for " + processInstanceId);
		}
		tasks.claim(task.getId(), officer);
		Map<String, Object> decision = new HashMap<>();
		decision.put("approved_" + department, true);
		decision.put("opinion_" + department, "符合条件，准予许可");
		decision.put("licenceData_" + department, "{\"note\":\"" + licenceData + "\"}");
		tasks.complete(task.getId(), decision);
	}

	long openTasks(String processInstanceId, String department) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskCandidateGroup(department)
			.count();
	}

	// ---- the checks (after the clock) -------------------------------------------------------------------------

	/** Every application finished with exactly three licences; WSJK's task never before SCJG's completion. */
	Check check() {
		HistoryService history = engine.getHistoryService();
		long started = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
		long finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).finished().count();
		Map<String, Integer> licencesByInstance = licencesByInstance();
		long licences = licencesByInstance.values().stream().mapToLong(Integer::longValue).sum();
		int completed = 0;
		int incomplete = 0;
		int violations = 0;
		int page = 500;
		for (int first = 0; first < started; first += page) {
			for (var instance : history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(PROCESS_KEY)
				.orderByProcessInstanceId()
				.asc()
				.listPage(first, page)) {
				boolean done = instance.getEndTime() != null
						&& licencesByInstance.getOrDefault(instance.getId(), 0) == 3;
				if (done) {
					completed++;
				}
				else {
					incomplete++;
				}
			}
		}
		Map<String, HistoricTaskInstance> scjg = new HashMap<>();
		Map<String, HistoricTaskInstance> wsjk = new HashMap<>();
		long tasks = history.createHistoricTaskInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
		for (int first = 0; first < tasks; first += page) {
			for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
				.processDefinitionKey(PROCESS_KEY)
				.orderByHistoricTaskInstanceStartTime()
				.asc()
				.orderByTaskId()
				.asc()
				.listPage(first, page)) {
				if ("scjgReview".equals(task.getTaskDefinitionKey())) {
					scjg.put(task.getProcessInstanceId(), task);
				}
				else if ("wsjkReview".equals(task.getTaskDefinitionKey())) {
					wsjk.put(task.getProcessInstanceId(), task);
				}
			}
		}
		for (Map.Entry<String, HistoricTaskInstance> health : wsjk.entrySet()) {
			HistoricTaskInstance registration = scjg.get(health.getKey());
			if (registration == null || registration.getEndTime() == null
					|| health.getValue().getCreateTime().before(registration.getEndTime())) {
				violations++;
			}
		}
		return new Check(started, finished, completed, incomplete, licences, violations);
	}

	Map<String, Integer> licencesByInstance() {
		Map<String, Integer> counts = new HashMap<>();
		try (Connection connection = connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT PROC_INST_ID, COUNT(*) FROM PEER_LICENCE GROUP BY PROC_INST_ID")) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getInt(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("reading PEER_LICENCE", ex);
		}
		return counts;
	}

	List<String> licenceNumbers() {
		List<String> numbers = new ArrayList<>();
		try (Connection connection = connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT NUMBER FROM PEER_LICENCE ORDER BY NUMBER")) {
			while (rows.next()) {
				numbers.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("reading PEER_LICENCE", ex);
		}
		return numbers;
	}

	ProcessEngine engine() {
		return engine;
	}

	// ---- database -------------------------------------------------------------------------------------------

	private Connection connection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl, "sa", "");
	}

	private void createLicenceTable() {
		try (Connection connection = connection(); Statement statement = connection.createStatement()) {
			statement.execute(LicenceIssuer.CREATE_TABLE);
			statement.execute(LicenceIssuer.CREATE_SEQUENCE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("creating PEER_LICENCE in " + jdbcUrl, ex);
		}
	}

	/** Closes the engine and the database (H2 writes everything out on SHUTDOWN), so the file size is final. */
	@Override
	public void close() {
		engine.close();
		try (Connection connection = connection(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			// already closed
		}
	}

	/** Bytes of the database files in {@code directory}. */
	public static long databaseBytes(Path directory) {
		return DataDirs.bytes(directory);
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	Path directory() {
		return directory;
	}

	record Run(long elapsedMillis, long processCpuNanos, long driverCpuNanos, Histogram latencyMicros, int failed,
			int liveViolations, String firstError) {
	}

	record Check(long started, long finished, int completed, int incomplete, long licences, int orderingViolations) {
	}

}
