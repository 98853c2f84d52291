package org.hikeshi.support;

import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_DUE;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_DUE_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_ID;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_NAME;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_WARNING_AT;

/**
 * {@code Task_OpenAuthorityDeadline}, first step of each instance of {@code SubProcess_AuthorityDeadline}: gives
 * the instance (as local variables) the deadline number {@code loopCounter + 1} of the incident, its due and warning
 * times for the timers and its name for the form.
 */
@Component("openAuthorityDeadlineDelegate")
class OpenAuthorityDeadlineDelegate implements JavaDelegate {

	static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(JST)'")
		.withZone(java.time.ZoneId.of("Asia/Tokyo"));

	private final SupportService support;

	OpenAuthorityDeadlineDelegate(SupportService support) {
		this.support = support;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int seq = ((Number) execution.getVariable("loopCounter")).intValue() + 1;
		AuthorityDeadline deadline = this.support.deadline(ProcessVariables.incidentId(execution), seq);
		execution.setVariableLocal(AUTHORITY_DEADLINE_ID, deadline.id());
		execution.setVariableLocal(AUTHORITY_DEADLINE_NAME, deadline.kind().japanese() + " / " + deadline.kind().english());
		execution.setVariableLocal(AUTHORITY_DEADLINE_DUE, DUE.format(deadline.dueAt()));
		execution.setVariableLocal(AUTHORITY_DEADLINE_DUE_AT, Date.from(deadline.dueAt()));
		execution.setVariableLocal(AUTHORITY_DEADLINE_WARNING_AT, Date.from(deadline.warningAt()));
	}

}
