package org.hikeshi.support;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.InvalidVariableException;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.AFFECTED_PEOPLE;
import static org.hikeshi.incident.IncidentProcess.Variables.APOLOGY_LETTER;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_COUNT;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_REPORTS_DUE;
import static org.hikeshi.incident.IncidentProcess.Variables.AWARE_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.EU_DATA_SUBJECTS;
import static org.hikeshi.incident.IncidentProcess.Variables.MINISTRY_REPORT_REQUESTED;
import static org.hikeshi.incident.IncidentProcess.Variables.PERSONAL_DATA_LEAK;
import static org.hikeshi.incident.IncidentProcess.Variables.POLICE_REPORT_REQUESTED;
import static org.hikeshi.incident.IncidentProcess.Variables.QA_SET;
import static org.hikeshi.incident.IncidentProcess.Variables.UNAUTHORIZED_ACCESS;

/**
 * {@code Task_DraftSupportDocuments}: from the assessment, opens the report deadlines (counted from
 * {@code awareAt}) and writes the drafts into the variables the forms edit; the gateways' flags are written back
 * typed.
 */
@Component("draftSupportDocumentsDelegate")
class DraftSupportDocumentsDelegate implements JavaDelegate {

	private final SupportService support;

	private final IncidentService incidents;

	DraftSupportDocumentsDelegate(SupportService support, IncidentService incidents) {
		this.support = support;
		this.incidents = incidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long incidentId = ProcessVariables.incidentId(execution);
		Incident incident = this.incidents.get(incidentId);
		OffsetDateTime awareAt = ProcessVariables.dateTime(execution, AWARE_AT);
		if (awareAt == null) {
			throw new InvalidVariableException(AWARE_AT, "is required");
		}
		if (awareAt.toInstant().isBefore(incident.discoveredAt().minusSeconds(366L * 24 * 3600))) {
			throw new InvalidVariableException(AWARE_AT, "is more than a year before the incident was discovered");
		}
		int affected = ProcessVariables.wholeNumber(execution, AFFECTED_PEOPLE, 0, Integer.MAX_VALUE, -1);
		ReportingAssessment assessment = new ReportingAssessment(awareAt.toInstant(),
				ProcessVariables.flag(execution, PERSONAL_DATA_LEAK), ProcessVariables.flag(execution, UNAUTHORIZED_ACCESS),
				ProcessVariables.flag(execution, EU_DATA_SUBJECTS), affected < 0 ? null : affected,
				incident.dataCategories(), incident.incidentTypes());
		SupportService.Prepared prepared = this.support.prepare(incidentId, assessment);
		execution.setVariable(AUTHORITY_REPORTS_DUE, !prepared.deadlines().isEmpty());
		execution.setVariable(AUTHORITY_DEADLINE_COUNT, prepared.deadlines().size());
		execution.setVariable(POLICE_REPORT_REQUESTED, ProcessVariables.flag(execution, POLICE_REPORT_REQUESTED));
		execution.setVariable(MINISTRY_REPORT_REQUESTED, ProcessVariables.flag(execution, MINISTRY_REPORT_REQUESTED));
		execution.setVariable(APOLOGY_LETTER, prepared.drafts().apologyLetter());
		execution.setVariable(QA_SET, prepared.drafts().qaSet());
		prepared.drafts().ppcItems().forEach(execution::setVariable);
	}

}
