package org.hikeshi.manager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.hikeshi.manager.ModelerService.Editor;
import org.hikeshi.manager.ModelerService.RunningInstance;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running incidents to another version of their process with Camunda's migration API: the plan maps every
 * activity that has the same id in both versions (timers and message events updated to the new definitions). The
 * preview runs the migration of each instance and rolls it back, so it shows exactly what the engine would do and
 * refuse; the migration itself moves each instance in a transaction of its own, so one that cannot move does not
 * stop the others.
 */
@Service
class MigrationService {

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ModelerService modeler;

	private final TransactionTemplate transactions;

	MigrationService(RepositoryService repository, RuntimeService runtime, IdentityService identity,
			ModelerService modeler, TransactionTemplate transactions) {
		this.repository = repository;
		this.runtime = runtime;
		this.identity = identity;
		this.modeler = modeler;
		this.transactions = transactions;
	}

	MigrationReport preview(Editor editor, String sourceId, String targetId) {
		return migrate(editor, sourceId, targetId, false);
	}

	MigrationReport execute(Editor editor, String sourceId, String targetId) {
		return migrate(editor, sourceId, targetId, true);
	}

	private MigrationReport migrate(Editor editor, String sourceId, String targetId, boolean commit) {
		ProcessDefinition source = definition(sourceId);
		ProcessDefinition target = definition(targetId);
		if (!source.getKey().equals(target.getKey()) || source.getId().equals(target.getId())) {
			throw new ManagerException(HttpStatus.BAD_REQUEST,
					"Migrate between two versions of the same process: " + sourceId + " and " + targetId);
		}
		MigrationPlan plan;
		try {
			plan = this.runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().updateEventTriggers().build();
		}
		catch (MigrationPlanValidationException ex) {
			List<String> failures = new ArrayList<>();
			ex.getValidationReport()
				.getInstructionReports()
				.forEach(report -> report.getFailures()
					.forEach(failure -> failures.add(report.getMigrationInstruction().getSourceActivityId() + " → "
							+ report.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
			throw new ManagerException(HttpStatus.CONFLICT, "Camunda cannot build a migration plan from version "
					+ source.getVersion() + " to " + target.getVersion() + ": " + String.join("; ", failures));
		}
		Map<String, String> sourceNames = flowNodeNames(sourceId);
		Map<String, String> targetNames = flowNodeNames(targetId);
		List<Mapping> mappings = new ArrayList<>();
		Set<String> mapped = new LinkedHashSet<>();
		for (MigrationInstruction instruction : plan.getInstructions()) {
			mapped.add(instruction.getSourceActivityId());
			mappings.add(new Mapping(instruction.getSourceActivityId(),
					sourceNames.get(instruction.getSourceActivityId()), instruction.getTargetActivityId(),
					targetNames.get(instruction.getTargetActivityId()), instruction.isUpdateEventTrigger()));
		}
		List<String> unmapped = sourceNames.keySet().stream().filter(id -> !mapped.contains(id)).sorted().toList();
		List<InstanceResult> instances = new ArrayList<>();
		for (RunningInstance instance : this.modeler.running(source.getKey())) {
			if (instance.processDefinitionId().equals(sourceId)) {
				instances.add(migrate(editor, plan, instance, commit));
			}
		}
		return new MigrationReport(sourceId, source.getVersion(), targetId, target.getVersion(), commit, mappings,
				unmapped, instances);
	}

	private InstanceResult migrate(Editor editor, MigrationPlan plan, RunningInstance instance, boolean commit) {
		List<String> reasons = new ArrayList<>();
		try {
			editor.run(this.identity, () -> this.transactions.execute(status -> {
				this.runtime.newMigration(plan).processInstanceIds(instance.processInstanceId()).execute();
				if (!commit) {
					status.setRollbackOnly();
				}
				return null;
			}));
		}
		catch (MigratingProcessInstanceValidationException ex) {
			var report = ex.getValidationReport();
			reasons.addAll(report.getFailures());
			report.getActivityInstanceReports()
				.forEach(activity -> activity.getFailures()
					.forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure)));
			report.getTransitionInstanceReports()
				.forEach(transition -> transition.getFailures()
					.forEach(failure -> reasons.add(transition.getSourceScopeId() + ": " + failure)));
		}
		catch (ProcessEngineException ex) {
			reasons.add(ex.getMessage());
		}
		return new InstanceResult(instance.processInstanceId(), instance.reference(), instance.organization(),
				instance.activeActivityIds(), reasons.isEmpty(), commit && reasons.isEmpty(), reasons);
	}

	private ProcessDefinition definition(String id) {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
		if (definition == null) {
			throw new ManagerException(HttpStatus.BAD_REQUEST, "No process definition " + id);
		}
		return definition;
	}

	private Map<String, String> flowNodeNames(String definitionId) {
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definitionId);
		Map<String, String> names = new HashMap<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			names.put(node.getId(), (node.getName() != null) ? node.getName() : node.getId());
		}
		return names;
	}

	/** One instruction of the plan: where an activity's instances go. */
	record Mapping(String sourceActivityId, String sourceName, String targetActivityId, String targetName,
			boolean updateEventTrigger) {
	}

	/** What happened, or would happen, to one running incident. */
	record InstanceResult(String processInstanceId, String reference, String organization,
			List<String> activeActivityIds, boolean migratable, boolean migrated, List<String> reasons) {
	}

	/**
	 * A preview ({@code executed} false: nothing changed) or the outcome of a migration. {@code unmapped} are the
	 * source version's activities that have no counterpart: an instance waiting in one of them cannot move.
	 */
	record MigrationReport(String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
			int targetVersion, boolean executed, List<Mapping> mappings, List<String> unmapped,
			List<InstanceResult> instances) {
	}

}
