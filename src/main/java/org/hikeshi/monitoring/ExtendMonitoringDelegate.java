package org.hikeshi.monitoring;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_ENDS_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_EXTENSION_MONTHS;

/** {@code Task_ExtendMonitoring}: moves the end of the period; the recreated timer waits for the new end. */
@Component("extendMonitoringDelegate")
class ExtendMonitoringDelegate implements JavaDelegate {

	private final MonitoringService monitoring;

	ExtendMonitoringDelegate(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int months = ProcessVariables.wholeNumber(execution, MONITORING_EXTENSION_MONTHS, 1, 36, 1);
		MonitoringPeriod period = this.monitoring.extend(ProcessVariables.incidentId(execution), months);
		execution.setVariable(MONITORING_ENDS_AT, Date.from(period.endsAt()));
	}

}
