package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.CLIENT_TYPE;
import static org.hikeshi.incident.IncidentProcess.Variables.DISPATCH_DUE_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.DISPATCH_SLA_WARNING_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.INCIDENT_ID;
import static org.hikeshi.incident.IncidentProcess.Variables.INCIDENT_REFERENCE;
import static org.hikeshi.incident.IncidentProcess.Variables.INSIDER_SUSPECTED;
import static org.hikeshi.incident.IncidentProcess.Variables.LANGUAGE;

/**
 * {@code Task_RegisterIncident}: stores the intake as an incident, gives the process its reference as business
 * key and the dispatch SLA times its timers wait for.
 */
@Component("registerIncidentDelegate")
class RegisterIncidentDelegate implements JavaDelegate {

	private final IncidentService incidents;

	RegisterIncidentDelegate(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = this.incidents.register(IntakeVariables.read(execution), execution.getProcessInstanceId());
		execution.setProcessBusinessKey(incident.reference());
		execution.setVariable(INCIDENT_ID, incident.id());
		execution.setVariable(INCIDENT_REFERENCE, incident.reference());
		execution.setVariable(CLIENT_TYPE, incident.clientType().name());
		execution.setVariable(INSIDER_SUSPECTED, incident.insiderSuspected());
		execution.setVariable(LANGUAGE, incident.language().code());
		execution.setVariable(DISPATCH_SLA_WARNING_AT,
				ProcessVariables.date(this.incidents.dispatchSlaWarningAt(incident)));
		execution.setVariable(DISPATCH_DUE_AT, ProcessVariables.date(incident.dispatchDueAt()));
		execution.removeVariables(IntakeVariables.MOVED_TO_TABLE);
	}

}
