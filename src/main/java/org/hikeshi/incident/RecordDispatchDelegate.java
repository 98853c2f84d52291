package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** {@code Task_RecordDispatch}: who was dispatched, how, and when (against the SLA). */
@Component("recordDispatchDelegate")
class RecordDispatchDelegate implements JavaDelegate {

	private final IncidentService incidents;

	RecordDispatchDelegate(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.incidents.recordDispatch(ProcessVariables.incidentId(execution),
				ProcessVariables.requiredString(execution, IncidentProcess.Variables.RESPONDER_NAME).strip(),
				responderUserId(execution),
				ProcessVariables.requiredEnum(execution, IncidentProcess.Variables.DISPATCH_MODE, DispatchMode.class));
	}

	private static String responderUserId(DelegateExecution execution) {
		String user = ProcessVariables.string(execution, IncidentProcess.Variables.RESPONDER_USER_ID);
		return user == null || user.isBlank() ? null : user.strip();
	}

}
