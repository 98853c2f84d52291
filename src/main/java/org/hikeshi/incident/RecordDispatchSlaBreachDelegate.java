package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** {@code Task_RecordDispatchSlaBreach}: the 24 hours passed with nobody dispatched. */
@Component("recordDispatchSlaBreachDelegate")
class RecordDispatchSlaBreachDelegate implements JavaDelegate {

	private final IncidentService incidents;

	RecordDispatchSlaBreachDelegate(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.incidents.recordDispatchSlaBreach(ProcessVariables.incidentId(execution));
	}

}
