package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyInitialReport}: mail to the client: the initial investigation report, attached. */
@Component("notifyInitialReportDelegate")
class NotifyInitialReportDelegate extends ClientMailDelegate {

	NotifyInitialReportDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.INITIAL_REPORT_READY);
	}

}
