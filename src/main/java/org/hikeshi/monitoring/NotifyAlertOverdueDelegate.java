package org.hikeshi.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;
import org.hikeshi.notification.ManagerNotification;
import org.hikeshi.notification.NotificationService;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyAlertOverdue} (asynchronous): nobody analysed a critical or high alert within the hour. */
@Component("notifyAlertOverdueDelegate")
class NotifyAlertOverdueDelegate implements JavaDelegate {

	private final MonitoringService monitoring;

	private final NotificationService notifications;

	NotifyAlertOverdueDelegate(MonitoringService monitoring, NotificationService notifications) {
		this.monitoring = monitoring;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long incidentId = ProcessVariables.incidentId(execution);
		Alert alert = this.monitoring.alert(RecordAlertAssessmentDelegate.alertId(execution));
		this.notifications.notifyManagers(incidentId, ManagerNotification.ALERT_ANALYSIS_OVERDUE,
				Long.toString(alert.id()), AlertMail.model(alert, this.monitoring.period(incidentId).orElseThrow()));
	}

}
