package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** {@code Task_CloseIncident}: the incident is closed. */
@Component("closeIncidentDelegate")
class CloseIncidentDelegate implements JavaDelegate {

	private final IncidentService incidents;

	CloseIncidentDelegate(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.incidents.close(ProcessVariables.incidentId(execution));
	}

}
