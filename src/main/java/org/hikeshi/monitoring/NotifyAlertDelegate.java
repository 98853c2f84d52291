package org.hikeshi.monitoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;
import org.hikeshi.notification.ClientNotification;
import org.hikeshi.notification.NotificationService;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyAlert} (asynchronous): the alert and its countermeasure, mailed to the client's administrator. */
@Component("notifyAlertDelegate")
class NotifyAlertDelegate implements JavaDelegate {

	private final MonitoringService monitoring;

	private final NotificationService notifications;

	NotifyAlertDelegate(MonitoringService monitoring, NotificationService notifications) {
		this.monitoring = monitoring;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long incidentId = ProcessVariables.incidentId(execution);
		Alert alert = this.monitoring.alert(RecordAlertAssessmentDelegate.alertId(execution));
		MonitoringPeriod period = this.monitoring.period(incidentId).orElseThrow();
		this.notifications.notifyClient(incidentId, ClientNotification.ALERT_RAISED, Long.toString(alert.id()),
				List.of(period.sysadminEmail()), AlertMail.model(alert, period));
	}

}
