package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyIncidentClosed}: mail to the client: the final report and the invoice; the incident is closed. */
@Component("notifyIncidentClosedDelegate")
class NotifyIncidentClosedDelegate extends ClientMailDelegate {

	NotifyIncidentClosedDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.INCIDENT_CLOSED);
	}

}
