package org.hikeshi.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.InvalidVariableException;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_ACTION_TAKEN;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_ID;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_VERDICT;

/** {@code Task_RecordAlertAssessment}: the analyst's verdict on the alert of this event sub-process. */
@Component("recordAlertAssessmentDelegate")
class RecordAlertAssessmentDelegate implements JavaDelegate {

	private final MonitoringService monitoring;

	RecordAlertAssessmentDelegate(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String verdict = ProcessVariables.requiredString(execution, ALERT_VERDICT);
		if (!verdict.equals("TRUE_POSITIVE") && !verdict.equals("FALSE_POSITIVE")) {
			throw new InvalidVariableException(ALERT_VERDICT, "must be TRUE_POSITIVE or FALSE_POSITIVE, not " + verdict);
		}
		this.monitoring.assess(alertId(execution), verdict, ProcessVariables.requiredString(execution, ALERT_ACTION_TAKEN),
				ProcessVariables.currentUser(execution));
	}

	static long alertId(DelegateExecution execution) {
		Object value = execution.getVariable(ALERT_ID);
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new InvalidVariableException(ALERT_ID, "is missing");
	}

}
