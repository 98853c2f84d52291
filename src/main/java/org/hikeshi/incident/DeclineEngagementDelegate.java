package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** {@code Task_DeclineEngagement}: no NDA, no work; the incident is marked declined. */
@Component("declineEngagementDelegate")
class DeclineEngagementDelegate implements JavaDelegate {

	private final IncidentService incidents;

	DeclineEngagementDelegate(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.incidents.decline(ProcessVariables.incidentId(execution));
	}

}
