package org.hikeshi.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hikeshi.incident.IncidentProcess;

/**
 * Confidential incidents (an insider is suspected): their tasks go to managers and the assigned responder only.
 * <p>
 * Every user task of every diagram gets, when the engine parses it, candidate expressions of ours around the ones
 * the diagram declares: for an incident whose {@code insiderSuspected} is true, the group {@code coordinators} is
 * replaced by {@code managers}, and the responder ({@code responderUserId}, once dispatched) becomes a candidate
 * user. The engine then grants the task's candidates, and only them, read and {@code TASK_WORK} on the task, so the
 * task is invisible in Tasklist and {@code /engine-rest} to every other coordinator. Nothing of this is in the
 * diagrams: a manager editing a diagram cannot switch it off, and new user tasks are covered as they are drawn.
 */
class ConfidentialTasks extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					confine(userTask.getTaskDefinition());
				}
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	static void confine(TaskDefinition task) {
		Set<Expression> declared = new LinkedHashSet<>(task.getCandidateGroupIdExpressions());
		task.getCandidateGroupIdExpressions().clear();
		task.addCandidateGroupIdExpression(new CandidateGroups(declared));
		task.addCandidateUserIdExpression(new Responder());
	}

	/** Whether the incident of this execution or task is confidential. */
	static boolean confidential(VariableScope scope) {
		return Boolean.TRUE.equals(scope.getVariable(IncidentProcess.Variables.INSIDER_SUSPECTED));
	}

	/** The groups the diagram declares; for a confidential incident, managers instead of coordinators. */
	private record CandidateGroups(Set<Expression> declared) implements Expression {

		@Override
		public Object getValue(VariableScope scope) {
			Set<String> groups = new LinkedHashSet<>();
			for (Expression expression : this.declared) {
				Object value = expression.getValue(scope);
				if (value instanceof String text) {
					for (String group : text.split(",")) {
						if (!group.isBlank()) {
							groups.add(group.strip());
						}
					}
				}
				else if (value instanceof Iterable<?> values) {
					values.forEach(v -> groups.add(String.valueOf(v)));
				}
			}
			if (confidential(scope) && groups.remove(IncidentProcess.Groups.COORDINATORS)) {
				groups.add(IncidentProcess.Groups.MANAGERS);
			}
			return new ArrayList<>(groups);
		}

		@Override
		public void setValue(Object value, VariableScope scope) {
			throw new UnsupportedOperationException("candidate groups are read, never written");
		}

		@Override
		public String getExpressionText() {
			return "confidential(" + this.declared.stream().map(Expression::getExpressionText).toList() + ")";
		}

		@Override
		public boolean isLiteralText() {
			return false;
		}

	}

	/** The assigned responder of a confidential incident, as a candidate user; nobody otherwise. */
	private record Responder() implements Expression {

		@Override
		public Object getValue(VariableScope scope) {
			Object responder = scope.getVariable(IncidentProcess.Variables.RESPONDER_USER_ID);
			if (confidential(scope) && responder instanceof String user && !user.isBlank()) {
				return List.of(user.strip());
			}
			return List.of();
		}

		@Override
		public void setValue(Object value, VariableScope scope) {
			throw new UnsupportedOperationException("candidate users are read, never written");
		}

		@Override
		public String getExpressionText() {
			return "confidentialResponder";
		}

		@Override
		public boolean isLiteralText() {
			return false;
		}

	}

}
