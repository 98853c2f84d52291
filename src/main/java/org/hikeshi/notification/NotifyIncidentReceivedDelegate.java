package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyIncidentReceived}: mail to the client: the reference, the immediate actions that fit what happened, and the NDA request. */
@Component("notifyIncidentReceivedDelegate")
class NotifyIncidentReceivedDelegate extends ClientMailDelegate {

	NotifyIncidentReceivedDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.INCIDENT_RECEIVED);
	}

}
