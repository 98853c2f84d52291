package org.hikeshi.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.APOLOGY_LETTER;
import static org.hikeshi.incident.IncidentProcess.Variables.QA_SET;

/** {@code Task_SaveSupportDrafts}: the apology letter and Q&amp;A set as the coordinator edited them. */
@Component("saveSupportDraftsDelegate")
class SaveSupportDraftsDelegate implements JavaDelegate {

	private final SupportService support;

	SaveSupportDraftsDelegate(SupportService support) {
		this.support = support;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.support.saveDrafts(ProcessVariables.incidentId(execution),
				ProcessVariables.requiredString(execution, APOLOGY_LETTER),
				ProcessVariables.requiredString(execution, QA_SET), ProcessVariables.currentUser(execution));
	}

}
