package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyResponderDispatched}: mail to the client: who is coming, when, on site or remote. */
@Component("notifyResponderDispatchedDelegate")
class NotifyResponderDispatchedDelegate extends ClientMailDelegate {

	NotifyResponderDispatchedDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.RESPONDER_DISPATCHED);
	}

}
