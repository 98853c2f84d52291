package org.hikeshi.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_ACTION;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_ACTION_REASON;

/**
 * {@code Task_EndMonitoring}: the period is over; early when the coordinator ended it ({@code END_EARLY}), else by
 * its timer. Alerts are refused from now on.
 */
@Component("endMonitoringDelegate")
class EndMonitoringDelegate implements JavaDelegate {

	static final String END_EARLY = "END_EARLY";

	private final MonitoringService monitoring;

	EndMonitoringDelegate(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean early = END_EARLY.equals(ProcessVariables.string(execution, MONITORING_ACTION));
		this.monitoring.end(ProcessVariables.incidentId(execution), early,
				ProcessVariables.string(execution, MONITORING_ACTION_REASON));
	}

}
