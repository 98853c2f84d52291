package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyDispatchSlaBreach}: mail to the managers: the 24-hour dispatch SLA is breached. */
@Component("notifyDispatchSlaBreachDelegate")
class NotifyDispatchSlaBreachDelegate extends ManagerMailDelegate {

	NotifyDispatchSlaBreachDelegate(NotificationService notifications) {
		super(notifications, ManagerNotification.DISPATCH_SLA_BREACHED);
	}

}
