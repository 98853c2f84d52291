package org.hikeshi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.hikeshi.system.H2VariableIndex;

/**
 * The bare engine: a process of the same shape as one Hikeshi incident (as many user tasks, service tasks, gateways,
 * asynchronous continuations and timers as a driven incident passes through), built with the Camunda Model API, whose
 * service tasks do nothing, on a fresh engine of its own (its own database, no Hikeshi plugin but the index that keeps
 * H2's variable reads fast, {@link H2VariableIndex}), in the same JVM.
 */
final class Baseline implements AutoCloseable {

	static final String PROCESS_KEY = "baseline";

	/**
	 * The name the service tasks call their delegate by, {@code delegateExpression} as in Hikeshi's diagram (which
	 * refuses {@code camunda:class}): the bare engine has it as its only bean, Hikeshi's application as a bean of the
	 * benchmark's.
	 */
	static final String NOOP_BEAN = "benchNoopDelegate";

	/** What one Hikeshi incident went through, counted from its history. */
	record Shape(int userTasks, int serviceTasks, int gateways, int asyncJobs, int timers, int variablesPerTask) {

		@Override
		public String toString() {
			return userTasks + " user tasks, " + serviceTasks + " service tasks, " + gateways + " gateways, " + asyncJobs
					+ " asynchronous continuations, " + timers + " timers";
		}

	}

	/** The delegate of every baseline service task: nothing. */
	public static final class Noop implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
		}

	}

	private final ProcessEngine engine;

	private final Shape shape;

	private final boolean own;

	private final String deploymentId;

	Baseline(Database database, Shape shape) {
		this(configuration("baseline", database).buildProcessEngine(), shape, true);
	}

	private Baseline(ProcessEngine engine, Shape shape, boolean own) {
		this.shape = shape;
		this.engine = engine;
		this.own = own;
		this.deploymentId = this.engine.getRepositoryService()
			.createDeployment()
			.name(PROCESS_KEY)
			.addModelInstance("baseline.bpmn", model(shape))
			.deploy()
			.getId();
	}

	/**
	 * The same path deployed to another engine (Hikeshi's, as it is configured and with its database), which stays
	 * open when this is closed: what that engine costs for the same work as the bare one.
	 */
	static Baseline on(ProcessEngine engine, Shape shape) {
		return new Baseline(engine, shape, false);
	}

	/** Where a baseline engine keeps its data: a database of its own. */
	record Database(String jdbcUrl, String user, String password, String driver) {

		Database named(String name) {
			return new Database(this.jdbcUrl.replace("baseline", name), this.user, this.password, this.driver);
		}

	}

	/**
	 * Closes a bare engine and, when it keeps its data in an in-memory H2 database, that database too: with
	 * {@code DB_CLOSE_DELAY=-1} H2 keeps it in the benchmark's heap until it is shut down, through every section after
	 * the one that used it.
	 */
	static void closeWithDatabase(ProcessEngine engine) {
		ProcessEngineConfiguration configuration = engine.getProcessEngineConfiguration();
		String url = configuration.getJdbcUrl();
		engine.close();
		if (url != null && url.startsWith("jdbc:h2:mem:")) {
			try (Connection connection = DriverManager.getConnection(url, configuration.getJdbcUsername(),
					configuration.getJdbcPassword()); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot shut the in-memory database " + url + " down", ex);
			}
		}
	}

	/** A bare engine: history {@code full} and metrics on, as Hikeshi's; no job executor (the benchmark runs the jobs). */
	static StandaloneProcessEngineConfiguration configuration(String name, Database database) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setBeans(new HashMap<>(Map.of(NOOP_BEAN, new Noop())));
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl(database.jdbcUrl());
		configuration.setJdbcUsername(database.user());
		configuration.setJdbcPassword(database.password());
		configuration.setJdbcDriver(database.driver());
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL); // as Hikeshi (application.yml)
		configuration.setJobExecutorActivate(false);
		configuration.setJdbcMaxActiveConnections(10);
		configuration.setMetricsEnabled(true); // the starter's default, as Hikeshi
		// on H2, the index Hikeshi adds: without it H2's statistics decide how fast the engine reads variables
		configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new H2VariableIndex())));
		return configuration;
	}

	/**
	 * One long path: the user tasks in order (the first {@code timers} with a non-interrupting boundary timer due in 30
	 * days, as the SLA timers), the service tasks and gateways spread between them, the first {@code asyncJobs} service
	 * tasks asynchronous.
	 */
	static BpmnModelInstance model(Shape shape) {
		AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS_KEY)
			.camundaHistoryTimeToLive(1)
			.startEvent("start");
		int service = 0;
		int gateway = 0;
		int slots = Math.max(1, shape.userTasks());
		for (int user = 0; user < shape.userTasks(); user++) {
			String id = "user" + user;
			UserTaskBuilder userTask = flow.userTask(id).camundaCandidateGroups("coordinators").camundaFormKey("bench:" + id);
			flow = userTask;
			if (user < shape.timers()) {
				userTask.boundaryEvent("timer" + user)
					.cancelActivity(false)
					.timerWithDuration("P30D")
					.endEvent("timerEnd" + user);
				flow = userTask;
			}
			int servicesHere = (shape.serviceTasks() * (user + 1)) / slots - service;
			for (int i = 0; i < servicesHere; i++, service++) {
				var task = flow.serviceTask("service" + service).camundaDelegateExpression("${" + NOOP_BEAN + "}");
				flow = service < shape.asyncJobs() ? task.camundaAsyncBefore() : task;
			}
			int gatewaysHere = (shape.gateways() * (user + 1)) / slots - gateway;
			for (int i = 0; i < gatewaysHere; i++, gateway++) {
				flow = flow.exclusiveGateway("gateway" + gateway);
			}
		}
		for (; service < shape.serviceTasks(); service++) {
			var task = flow.serviceTask("service" + service).camundaDelegateExpression("${" + NOOP_BEAN + "}");
			flow = service < shape.asyncJobs() ? task.camundaAsyncBefore() : task;
		}
		return flow.endEvent("end").done();
	}

	/** One instance from start to end, each user task completed with as many string variables as Hikeshi's forms. */
	void runOne(int number) {
		RuntimeService runtime = this.engine.getRuntimeService();
		TaskService tasks = this.engine.getTaskService();
		Map<String, Object> start = new HashMap<>();
		for (int i = 0; i < 12; i++) {
			start.put("intake" + i, "値 " + number + "-" + i);
		}
		String id = runtime.startProcessInstanceByKey(PROCESS_KEY, "B-" + number, start).getId();
		for (int step = 0; step < 1000; step++) {
			runJobs(this.engine.getManagementService(), id, null);
			List<Task> open = tasks.createTaskQuery().processInstanceId(id).list();
			if (open.isEmpty()) {
				return;
			}
			for (Task task : open) {
				Map<String, Object> values = new HashMap<>();
				for (int i = 0; i < this.shape.variablesPerTask(); i++) {
					values.put(task.getTaskDefinitionKey() + "_" + i, "入力 " + i);
				}
				this.engine.getFormService().submitTaskForm(task.getId(), values);
			}
		}
		throw new IllegalStateException("baseline instance " + id + " did not end");
	}

	/** The instance's due jobs, run until none is left, as {@link HikeshiDriver#runJobs} does for Hikeshi. */
	static void runJobs(ManagementService management, String processInstanceId, StepTimes steps) {
		for (int round = 0; round < 1000; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().listPage(0, 100);
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				if (steps == null) {
					management.executeJob(job.getId());
				}
				else {
					steps.time(steps.job(management, job), () -> management.executeJob(job.getId()));
				}
			}
		}
	}

	@Override
	public void close() {
		if (this.own) {
			closeWithDatabase(this.engine);
		}
		else {
			// leaves the other engine's database as it was for the sections after it: no instance, history or job
			// definition of the path
			this.engine.getRepositoryService().deleteDeployment(this.deploymentId, true, true);
		}
	}

}
