package org.hikeshi.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.hikeshi.manager.DeploymentNoteRepository.DeploymentNote;
import org.hikeshi.manager.ManagerException.Problem;
import org.hikeshi.security.DeploymentCheck;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the browser modeler reads and deploys: the deployed process and decision definitions and forms with their
 * versions, a resource's content, the server's deployment check on an edit, and a new deployment with its change
 * note. A new deployment carries, besides the edited file, the newest version of the files of the deployment the
 * edit started from that must travel with it ({@link #travelsWith}): forms bound with
 * {@code camunda:formRefBinding="deployment"} stay with their process.
 */
@Service
class ModelerService {

	/** Deployments made here say so in the engine ({@code ACT_RE_DEPLOYMENT.SOURCE_}). */
	static final String SOURCE = "Hikeshi modeler";

	private static final int MAX_DEPLOYMENTS_SCANNED = 500;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final DeploymentCheck check;

	private final DeploymentNoteRepository notes;

	private final JdbcClient jdbc;

	private final Clock clock;

	ModelerService(RepositoryService repository, RuntimeService runtime, IdentityService identity,
			DeploymentCheck check, DeploymentNoteRepository notes, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.runtime = runtime;
		this.identity = identity;
		this.check = check;
		this.notes = notes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Processes, then decisions, then forms; each with its versions, the newest first. */
	List<Definition> definitions() {
		List<Deployment> deployments = this.repository.createDeploymentQuery()
			.orderByDeploymentTime()
			.desc()
			.listPage(0, MAX_DEPLOYMENTS_SCANNED);
		Map<String, Deployment> byId = deployments.stream()
			.collect(Collectors.toMap(Deployment::getId, d -> d, (a, b) -> a, LinkedHashMap::new));
		Map<String, DeploymentNote> notes = this.notes.findByDeployments(byId.keySet());
		List<Definition> definitions = new ArrayList<>();
		Map<String, List<Version>> processes = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		for (ProcessDefinition process : this.repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.desc()
			.list()) {
			names.putIfAbsent(process.getKey(), process.getName());
			long running = this.runtime.createProcessInstanceQuery().processDefinitionId(process.getId()).count();
			processes.computeIfAbsent(process.getKey(), k -> new ArrayList<>())
				.add(version(process.getId(), process.getVersion(), process.getDeploymentId(),
						process.getResourceName(), running, byId, notes));
		}
		processes.forEach((key, versions) -> definitions
			.add(new Definition(ResourceKind.BPMN, key, names.get(key), versions)));
		Map<String, List<Version>> decisions = new LinkedHashMap<>();
		for (DecisionDefinition decision : this.repository.createDecisionDefinitionQuery()
			.orderByDecisionDefinitionKey()
			.asc()
			.orderByDecisionDefinitionVersion()
			.desc()
			.list()) {
			names.putIfAbsent("dmn:" + decision.getKey(), decision.getName());
			decisions.computeIfAbsent(decision.getKey(), k -> new ArrayList<>())
				.add(version(decision.getId(), decision.getVersion(), decision.getDeploymentId(),
						decision.getResourceName(), 0, byId, notes));
		}
		decisions.forEach((key, versions) -> definitions
			.add(new Definition(ResourceKind.DMN, key, names.get("dmn:" + key), versions)));
		definitions.addAll(forms(deployments, byId, notes));
		return definitions;
	}

	/** Forms have no definition query of their own: every deployed {@code .form} file, by file name. */
	private List<Definition> forms(List<Deployment> newestFirst, Map<String, Deployment> byId,
			Map<String, DeploymentNote> notes) {
		Map<String, List<String>> deploymentsByForm = new LinkedHashMap<>();
		for (Deployment deployment : newestFirst) {
			for (Resource resource : this.repository.getDeploymentResources(deployment.getId())) {
				if (ResourceKind.of(resource.getName()).orElse(null) == ResourceKind.FORM) {
					deploymentsByForm.computeIfAbsent(resource.getName(), k -> new ArrayList<>())
						.add(deployment.getId());
				}
			}
		}
		return deploymentsByForm.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(form -> {
				List<String> ids = form.getValue();
				List<Version> versions = new ArrayList<>();
				for (int i = 0; i < ids.size(); i++) {
					versions.add(version(ids.get(i) + "/" + form.getKey(), ids.size() - i, ids.get(i), form.getKey(),
							0, byId, notes));
				}
				return new Definition(ResourceKind.FORM, form.getKey(), form.getKey(), versions);
			})
			.toList();
	}

	private static Version version(String id, int version, String deploymentId, String resourceName, long running,
			Map<String, Deployment> deployments, Map<String, DeploymentNote> notes) {
		Deployment deployment = deployments.get(deploymentId);
		DeploymentNote note = notes.get(deploymentId);
		return new Version(id, version, deploymentId, resourceName,
				(deployment != null) ? deployment.getDeploymentTime().toInstant() : null,
				(deployment != null) ? deployment.getSource() : null, running,
				(note != null) ? note.note() : null, (note != null) ? note.deployedBy() : null);
	}

	/** The text of a deployed file (BPMN or DMN XML, form JSON). */
	ResourceContent content(String deploymentId, String resourceName) {
		ResourceKind kind = ResourceKind.of(resourceName)
			.orElseThrow(() -> new ManagerException(HttpStatus.BAD_REQUEST,
					resourceName + " is neither a diagram (.bpmn), a decision (.dmn) nor a form (.form)"));
		try (InputStream in = this.repository.getResourceAsStream(deploymentId, resourceName)) {
			return new ResourceContent(deploymentId, resourceName, kind,
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (ProcessEngineException ex) {
			throw new ManagerException(HttpStatus.NOT_FOUND,
					"No resource " + resourceName + " in deployment " + deploymentId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server's deployment check on an edited file: what the engine would refuse, with the elements concerned. */
	List<Problem> validate(String resourceName, String content) {
		requireKind(resourceName);
		return this.check.problems(resourceName, content.getBytes(StandardCharsets.UTF_8))
			.stream()
			.map(p -> new Problem(p.resource(), p.elementId(), p.message()))
			.toList();
	}

	/**
	 * Deploys the edited file as a new version, with the newest version of the files of the deployment it was opened
	 * from that travel with it, and stores the change note; all or nothing. Refused with the problems when the check or the
	 * engine's parser finds any.
	 */
	@Transactional
	Deployed deploy(Editor editor, DeployRequest request) {
		List<Problem> problems = validate(request.resourceName(), request.content());
		if (!problems.isEmpty()) {
			throw new ManagerException(HttpStatus.BAD_REQUEST,
					"The deployment check refused " + request.resourceName() + " (" + problems.size()
							+ " problem(s)); nothing was deployed",
					problems);
		}
		List<String> bundled = new ArrayList<>();
		DeploymentBuilder builder = this.repository.createDeployment()
			.name(request.resourceName().substring(request.resourceName().lastIndexOf('/') + 1))
			.source(SOURCE)
			.addString(request.resourceName(), request.content());
		if (request.baseDeploymentId() != null) {
			if (this.repository.createDeploymentQuery().deploymentId(request.baseDeploymentId()).count() == 0) {
				throw new ManagerException(HttpStatus.BAD_REQUEST,
						"No deployment " + request.baseDeploymentId() + " to start from");
			}
			Map<String, String> newest = newestDeploymentOfEachResource();
			ResourceKind edited = ResourceKind.of(request.resourceName()).orElseThrow();
			for (Resource resource : this.repository.getDeploymentResources(request.baseDeploymentId())) {
				String name = resource.getName();
				if (!name.equals(request.resourceName()) && travelsWith(edited, ResourceKind.of(name).orElse(null))) {
					builder.addString(name, content(newest.getOrDefault(name, request.baseDeploymentId()), name).content());
					bundled.add(name);
				}
			}
		}
		DeploymentWithDefinitions deployment = editor.run(this.identity, () -> deploy(builder));
		this.notes.insert(new DeploymentNote(deployment.getId(), request.resourceName(), request.baseDeploymentId(),
				request.note().strip(), editor.user(), this.clock.instant()));
		List<DeployedDefinition> definitions = new ArrayList<>();
		if (deployment.getDeployedProcessDefinitions() != null) {
			deployment.getDeployedProcessDefinitions()
				.forEach(p -> definitions.add(new DeployedDefinition(ResourceKind.BPMN, p.getKey(), p.getId(),
						p.getVersion())));
		}
		if (deployment.getDeployedDecisionDefinitions() != null) {
			deployment.getDeployedDecisionDefinitions()
				.forEach(d -> definitions.add(new DeployedDefinition(ResourceKind.DMN, d.getKey(), d.getId(),
						d.getVersion())));
		}
		bundled.sort(Comparator.naturalOrder());
		return new Deployed(deployment.getId(), request.resourceName(), definitions, bundled);
	}

	private DeploymentWithDefinitions deploy(DeploymentBuilder builder) {
		try {
			return builder.deployWithResult();
		}
		catch (ParseException ex) {
			List<Problem> problems = new ArrayList<>();
			ex.getResorceReports()
				.forEach(report -> report.getErrors()
					.forEach(error -> problems
						.add(new Problem(report.getResourceName(), error.getMainElementId(), error.getMessage()))));
			throw new ManagerException(HttpStatus.BAD_REQUEST, "The engine refused the deployment; nothing was "
					+ "deployed", problems);
		}
	}

	/**
	 * Which files of the deployment an edit started from go into the new deployment: a process takes its forms
	 * along (user tasks find them with {@code camunda:formRefBinding="deployment"}); a form takes its process and the
	 * other forms, so that new incidents see the new form; a decision goes alone (processes bind to its latest
	 * version).
	 */
	static boolean travelsWith(ResourceKind edited, ResourceKind other) {
		return switch (edited) {
			case BPMN -> other == ResourceKind.FORM;
			case FORM -> other == ResourceKind.BPMN || other == ResourceKind.FORM;
			case DMN -> false;
		};
	}

	/** For every file name ever deployed, the newest deployment that has it. */
	private Map<String, String> newestDeploymentOfEachResource() {
		Map<String, String> newest = new HashMap<>();
		for (Deployment deployment : this.repository.createDeploymentQuery()
			.orderByDeploymentTime()
			.desc()
			.listPage(0, MAX_DEPLOYMENTS_SCANNED)) {
			for (Resource resource : this.repository.getDeploymentResources(deployment.getId())) {
				newest.putIfAbsent(resource.getName(), deployment.getId());
			}
		}
		return newest;
	}

	/** The running instances of a process, with their version, incident and where they are. */
	List<RunningInstance> running(String processKey) {
		Map<String, Integer> versions = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getVersion));
		Map<String, String[]> incidents = new HashMap<>();
		this.jdbc.sql("SELECT process_instance_id, reference, organization FROM incident WHERE status = 'OPEN'")
			.query(rs -> {
				incidents.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
			});
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.orderByProcessInstanceId()
			.asc()
			.list()
			.stream()
			.map(instance -> {
				String[] incident = incidents.getOrDefault(instance.getId(), new String[2]);
				return new RunningInstance(instance.getId(), instance.getProcessDefinitionId(),
						versions.getOrDefault(instance.getProcessDefinitionId(), 0), incident[0], incident[1],
						this.runtime.getActiveActivityIds(instance.getId()));
			})
			.toList();
	}

	private static void requireKind(String resourceName) {
		if (ResourceKind.of(resourceName).isEmpty()) {
			throw new ManagerException(HttpStatus.BAD_REQUEST,
					resourceName + " is neither a diagram (.bpmn), a decision (.dmn) nor a form (.form)");
		}
	}

	/** Who is editing: the engine records what they do under their name (user operation log). */
	record Editor(String user, List<String> groups) {

		<T> T run(IdentityService identity, Supplier<T> work) {
			identity.setAuthentication(this.user, this.groups);
			try {
				return work.get();
			}
			finally {
				identity.clearAuthentication();
			}
		}

	}

	record Definition(ResourceKind kind, String key, String name, List<Version> versions) {
	}

	record Version(String id, int version, String deploymentId, String resourceName, Instant deployedAt,
			String source, long runningInstances, String note, String deployedBy) {
	}

	record ResourceContent(String deploymentId, String resourceName, ResourceKind kind, String content) {
	}

	record DeployRequest(String resourceName, String content, String baseDeploymentId, String note) {
	}

	record Deployed(String deploymentId, String resourceName, List<DeployedDefinition> definitions,
			List<String> bundled) {
	}

	record DeployedDefinition(ResourceKind kind, String key, String id, int version) {
	}

	record RunningInstance(String processInstanceId, String processDefinitionId, int version, String reference,
			String organization, List<String> activeActivityIds) {
	}

}
