package org.hikeshi.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.MEDIA_SUPPORT_REQUESTED;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_CONTRACTED;
import static org.hikeshi.incident.IncidentProcess.Variables.RESPONSE_POLICY;

/**
 * {@code Task_RecordPolicy}: stores the client's choice on the incident and writes back the values the gateways
 * read, typed (an unchecked box becomes {@code false}, an unknown policy is refused).
 */
@Component("recordPolicyDelegate")
class RecordPolicyDelegate implements JavaDelegate {

	private final IncidentService incidents;

	RecordPolicyDelegate(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ResponsePolicy policy = ProcessVariables.requiredEnum(execution, RESPONSE_POLICY, ResponsePolicy.class);
		boolean media = ProcessVariables.flag(execution, MEDIA_SUPPORT_REQUESTED);
		boolean monitoring = ProcessVariables.flag(execution, MONITORING_CONTRACTED);
		this.incidents.recordPolicy(ProcessVariables.incidentId(execution), policy, media, monitoring);
		execution.setVariable(RESPONSE_POLICY, policy.name());
		execution.setVariable(MEDIA_SUPPORT_REQUESTED, media);
		execution.setVariable(MONITORING_CONTRACTED, monitoring);
	}

}
