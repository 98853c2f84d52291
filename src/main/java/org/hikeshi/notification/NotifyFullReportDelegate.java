package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyFullReport}: mail to the client: the full investigation report, attached. */
@Component("notifyFullReportDelegate")
class NotifyFullReportDelegate extends ClientMailDelegate {

	NotifyFullReportDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.FULL_REPORT_READY);
	}

}
