package org.hikeshi.monitoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;
import org.hikeshi.notification.ClientNotification;
import org.hikeshi.notification.NotificationService;

import org.springframework.stereotype.Component;

/**
 * {@code Task_CreateMonthlyMonitoringReport} and {@code Task_CreateClosingMonitoringReport} (asynchronous):
 * the report of the time since the last one, mailed to the client.
 */
@Component("createMonitoringReportDelegate")
class CreateMonitoringReportDelegate implements JavaDelegate {

	private final MonitoringService monitoring;

	private final NotificationService notifications;

	CreateMonitoringReportDelegate(MonitoringService monitoring, NotificationService notifications) {
		this.monitoring = monitoring;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long incidentId = ProcessVariables.incidentId(execution);
		MonitoringReport report = this.monitoring.createReport(incidentId);
		this.notifications.notifyClient(incidentId, ClientNotification.MONITORING_REPORT, Integer.toString(report.seq()),
				List.of(), Map.of("monitoringReport", report, "reportFrom", AlertMail.TIME.format(report.periodStart()),
						"reportTo", AlertMail.TIME.format(report.periodEnd())));
	}

}
