package org.hikeshi.evidence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.EVIDENCE_SUBMITTED_ON;
import static org.hikeshi.incident.IncidentProcess.Variables.EVIDENCE_SUBMITTED_TO;

/**
 * {@code Task_RecordEvidenceSubmission} (with the completion of {@code Task_SubmitEvidence}): refuses the submission
 * unless every chain of custody verifies, so the task stays open; otherwise appends the hand-over to the recipient.
 */
@Component("recordEvidenceSubmissionDelegate")
class RecordEvidenceSubmissionDelegate implements JavaDelegate {

	private final CustodyService custody;

	RecordEvidenceSubmissionDelegate(CustodyService custody) {
		this.custody = custody;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.custody.recordSubmission(ProcessVariables.incidentId(execution),
				ProcessVariables.requiredString(execution, EVIDENCE_SUBMITTED_TO),
				ProcessVariables.dateTime(execution, EVIDENCE_SUBMITTED_ON),
				ProcessVariables.currentUser(execution));
	}

}
