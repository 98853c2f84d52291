package org.hikeshi.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

/** A service task that sends one kind of mail to the client of the incident; each task has its own subclass bean. */
abstract class ClientMailDelegate implements JavaDelegate {

	private final NotificationService notifications;

	private final ClientNotification notification;

	ClientMailDelegate(NotificationService notifications, ClientNotification notification) {
		this.notifications = notifications;
		this.notification = notification;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.notifications.notifyClient(ProcessVariables.incidentId(execution), this.notification);
	}

}
