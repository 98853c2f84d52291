package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

/**
 * Start listener on the elements that open a phase ({@link Phase#enteredAt()}): records the phase on the
 * incident. Wired as {@code ${phaseListener}}.
 */
@Component("phaseListener")
class PhaseListener implements ExecutionListener {

	private final IncidentService incidents;

	PhaseListener(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.incidents.enterPhase(ProcessVariables.incidentId(execution),
				Phase.enteredAt(execution.getCurrentActivityId()));
	}

}
