package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyDispatchSlaWarning}: mail to the managers: nobody dispatched 20 hours after the call. */
@Component("notifyDispatchSlaWarningDelegate")
class NotifyDispatchSlaWarningDelegate extends ManagerMailDelegate {

	NotifyDispatchSlaWarningDelegate(NotificationService notifications) {
		super(notifications, ManagerNotification.DISPATCH_SLA_WARNING);
	}

}
