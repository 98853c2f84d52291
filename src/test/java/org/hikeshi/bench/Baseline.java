package org.hikeshi.bench;

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

/**
 * The bare engine: a process of the same shape as one Hikeshi incident (as many user tasks, service tasks, gateways,
 * asynchronous continuations and timers as a driven incident passes through), built with the Camunda Model API, whose
 * service tasks do nothing, on a fresh engine of its own (its own database, no Hikeshi plugins), in the same JVM.
 */
final class Baseline implements AutoCloseable {

	static final String PROCESS_KEY = "baseline";

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

	Baseline(String jdbcUrl, String user, String password, String driver, Shape shape) {
		this.shape = shape;
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("baseline");
		configuration.setJdbcUrl(jdbcUrl);
		configuration.setJdbcUsername(user);
		configuration.setJdbcPassword(password);
		configuration.setJdbcDriver(driver);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL); // as Hikeshi (application.yml)
		configuration.setJobExecutorActivate(false);
		configuration.setJdbcMaxActiveConnections(10);
		configuration.setMetricsEnabled(true); // the starter's default, as Hikeshi
		this.engine = configuration.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("baseline.bpmn", model(shape))
			.deploy();
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
			UserTaskBuilder userTask = flow.userTask(id).camundaCandidateGroups("coordinators");
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
				var task = flow.serviceTask("service" + service).camundaClass(Noop.class);
				flow = service < shape.asyncJobs() ? task.camundaAsyncBefore() : task;
			}
			int gatewaysHere = (shape.gateways() * (user + 1)) / slots - gateway;
			for (int i = 0; i < gatewaysHere; i++, gateway++) {
				flow = flow.exclusiveGateway("gateway" + gateway);
			}
		}
		for (; service < shape.serviceTasks(); service++) {
			var task = flow.serviceTask("service" + service).camundaClass(Noop.class);
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
			runJobs(id);
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

	private void runJobs(String processInstanceId) {
		ManagementService management = this.engine.getManagementService();
		for (int round = 0; round < 1000; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().listPage(0, 100);
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
