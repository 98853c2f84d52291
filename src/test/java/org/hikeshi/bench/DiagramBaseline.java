package org.hikeshi.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.ResponsePolicy;
import org.hikeshi.system.H2VariableIndex;

/**
 * The bare engine running Hikeshi's own diagram: the deployment Hikeshi's incidents ran on (its BPMN, decisions and
 * forms, byte for byte), on a fresh engine of its own (its own database, no Hikeshi plugin but the index that keeps H2's
 * variable reads fast, {@link H2VariableIndex}; authorization off), every
 * {@code delegateExpression} of the diagram (service tasks, listeners) resolving to a delegate that does nothing. The
 * same user tasks, gateways, embedded and event sub-processes, multi-instance, asynchronous steps and timers as a
 * Hikeshi incident, without any of Hikeshi's own work.
 * <p>
 * What Hikeshi's delegates would have set (the due dates of the timers, the flags the gateways test, the number of
 * authority deadlines) is there from the start: each instance starts with the variables a finished Hikeshi incident
 * of the same policy ended with, and every user task is completed with the same fields as
 * {@link HikeshiDriver#answers}, so each instance takes the path the Hikeshi incident took.
 */
final class DiagramBaseline implements AutoCloseable {

	/** Variables the engine makes itself in a multi-instance activity: never set from outside. */
	private static final Set<String> ENGINE_VARIABLES = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
			"nrOfCompletedInstances");

	private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

	/** The delegate and listener behind every expression of the diagram: nothing. */
	static final class Noop implements JavaDelegate, ExecutionListener, TaskListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}

	}

	private final ProcessEngine engine;

	private final Map<ResponsePolicy, VariableMap> startVariables;

	/** Where each instance's time goes, job by job and task by task, as {@link HikeshiDriver#steps}. */
	final StepTimes steps = new StepTimes();

	private final int noopNames;

	private DiagramBaseline(ProcessEngine engine, Map<ResponsePolicy, VariableMap> startVariables, int noopNames) {
		this.engine = engine;
		this.noopNames = noopNames;
		this.startVariables = startVariables;
	}

	/**
	 * A baseline of the deployment the last finished Hikeshi incidents ran on, starting with the variables they ended
	 * with (one incident of each policy).
	 */
	static DiagramBaseline of(ProcessEngine hikeshi, Baseline.Database database) {
		HistoryService history = hikeshi.getHistoryService();
		Map<ResponsePolicy, VariableMap> variables = new EnumMap<>(ResponsePolicy.class);
		String definitionId = null;
		for (HistoricProcessInstance incident : history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(IncidentProcess.PROCESS_KEY)
			.finished()
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 10)) {
			VariableMap ended = endVariables(history, incident.getId());
			Object policy = ended.get(IncidentProcess.Variables.RESPONSE_POLICY);
			if (policy != null) {
				variables.putIfAbsent(ResponsePolicy.valueOf(policy.toString()), ended);
				definitionId = definitionId == null ? incident.getProcessDefinitionId() : definitionId;
			}
		}
		if (definitionId == null || variables.size() < ResponsePolicy.values().length) {
			throw new IllegalStateException("the diagram baseline needs a finished Hikeshi incident of each policy, found "
					+ variables.keySet());
		}
		Map<String, byte[]> resources = resources(hikeshi.getRepositoryService(), definitionId);
		StandaloneProcessEngineConfiguration configuration = Baseline.configuration("baseline-diagram", database);
		Map<Object, Object> beans = configuration.getBeans();
		Noop noop = new Noop();
		Set<String> names = new TreeSet<>();
		resources.values().forEach(content -> names.addAll(delegateNames(content)));
		names.forEach(name -> beans.put(name, noop));
		configuration.setBeans(beans);
		// JSON variables, as Hikeshi; on H2 the index Hikeshi adds, so that H2's statistics do not decide (docs/performance.md)
		configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new H2VariableIndex()));
		ProcessEngine engine = configuration.buildProcessEngine();
		DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("baseline-diagram");
		resources.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
		deployment.deploy();
		return new DiagramBaseline(engine, variables, names.size());
	}

	/** The variables an incident ended with, in any of its scopes, by name. */
	private static VariableMap endVariables(HistoryService history, String processInstanceId) {
		VariableMap variables = Variables.createVariables();
		for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.listPage(0, 10_000)) {
			if (variable.getErrorMessage() != null) {
				throw new IllegalStateException("the diagram baseline cannot take the variable " + variable.getName()
						+ " of incident " + processInstanceId + ": " + variable.getErrorMessage());
			}
			if (!ENGINE_VARIABLES.contains(variable.getName())) {
				variables.putValueTyped(variable.getName(), variable.getTypedValue());
			}
		}
		return variables;
	}

	private static Map<String, byte[]> resources(RepositoryService repository, String definitionId) {
		String deploymentId = repository.getProcessDefinition(definitionId).getDeploymentId();
		Map<String, byte[]> resources = new LinkedHashMap<>();
		for (String name : repository.getDeploymentResourceNames(deploymentId)) {
			try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
				resources.put(name, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return resources;
	}

	private static Set<String> delegateNames(byte[] content) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = DELEGATE_EXPRESSION.matcher(new String(content, StandardCharsets.UTF_8));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** How many delegate and listener names of the diagram resolve to the no-op. */
	int noopBeans() {
		return this.noopNames;
	}


	/** One instance from start to end, the policy alternating as for Hikeshi's incidents; fails if it does not end. */
	void runOne(int number) {
		ResponsePolicy policy = number % 2 == 0 ? ResponsePolicy.EVIDENCE_FIRST : ResponsePolicy.RECOVERY_FIRST;
		TaskService tasks = this.engine.getTaskService();
		String id = this.steps.time("start (intake)", () -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(IncidentProcess.PROCESS_KEY, "D-" + number, this.startVariables.get(policy))
			.getId());
		for (int step = 0; step < 100; step++) {
			Baseline.runJobs(this.engine.getManagementService(), id, this.steps);
			List<Task> open = tasks.createTaskQuery().processInstanceId(id).list();
			if (open.isEmpty()) {
				if (this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
					throw new IllegalStateException("baseline instance " + id + " waits, but not in a user task");
				}
				return;
			}
			for (Task task : open) {
				this.steps.time(StepTimes.task(task.getTaskDefinitionKey()), () -> this.engine.getFormService()
					.submitTaskForm(task.getId(), HikeshiDriver.answers(tasks, task, policy)));
			}
		}
		throw new IllegalStateException("baseline instance " + id + " did not end in 100 steps");
	}

	DataSource dataSource() {
		return ((StandaloneProcessEngineConfiguration) this.engine.getProcessEngineConfiguration()).getDataSource();
	}

	/** The baseline's history: its instances, to compare their path with Hikeshi's incidents'. */
	HistoryService history() {
		return this.engine.getHistoryService();
	}

	@Override
	public void close() {
		Baseline.closeWithDatabase(this.engine);
	}

}
