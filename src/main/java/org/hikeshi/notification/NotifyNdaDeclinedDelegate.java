package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyNdaDeclined}: mail to the client: no NDA, so no work is done. */
@Component("notifyNdaDeclinedDelegate")
class NotifyNdaDeclinedDelegate extends ClientMailDelegate {

	NotifyNdaDeclinedDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.NDA_DECLINED);
	}

}
