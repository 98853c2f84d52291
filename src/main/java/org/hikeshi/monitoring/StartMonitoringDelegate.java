package org.hikeshi.monitoring;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.InvalidVariableException;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.IDS_INSTALLED_ON;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_ENDS_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_MONTHS;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_REPORT_CYCLE;
import static org.hikeshi.incident.IncidentProcess.Variables.SENSOR_LOCATION;
import static org.hikeshi.incident.IncidentProcess.Variables.SYSADMIN_EMAIL;
import static org.hikeshi.incident.IncidentProcess.Variables.SYSADMIN_NAME;

/**
 * {@code Task_StartMonitoring}: records the period from the installation for the contracted months and gives the
 * process the end of the period and the monthly report cycle its timers wait for.
 */
@Component("startMonitoringDelegate")
class StartMonitoringDelegate implements JavaDelegate {

	private final MonitoringService monitoring;

	StartMonitoringDelegate(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String email = ProcessVariables.requiredString(execution, SYSADMIN_EMAIL).strip();
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidVariableException(SYSADMIN_EMAIL, "is not an e-mail address: " + email);
		}
		OffsetDateTime installedOn = ProcessVariables.dateTime(execution, IDS_INSTALLED_ON);
		if (installedOn == null) {
			throw new InvalidVariableException(IDS_INSTALLED_ON, "is required");
		}
		MonitoringPeriod period = this.monitoring.start(ProcessVariables.incidentId(execution),
				ProcessVariables.requiredString(execution, SENSOR_LOCATION).strip(),
				ProcessVariables.requiredString(execution, SYSADMIN_NAME).strip(), email, installedOn,
				ProcessVariables.wholeNumber(execution, MONITORING_MONTHS, 1, 120, 1));
		execution.setVariable(MONITORING_ENDS_AT, Date.from(period.endsAt()));
		execution.setVariable(MONITORING_REPORT_CYCLE, MonitoringSchedule.monthlyReportCycle(period.startedAt()));
	}

}
