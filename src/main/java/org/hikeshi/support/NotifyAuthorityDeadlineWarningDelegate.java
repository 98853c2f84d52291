package org.hikeshi.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;
import org.hikeshi.notification.ManagerNotification;
import org.hikeshi.notification.NotificationService;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyAuthorityDeadlineWarning} (asynchronous): records the warning and mails the managers. */
@Component("notifyAuthorityDeadlineWarningDelegate")
class NotifyAuthorityDeadlineWarningDelegate implements JavaDelegate {

	private final SupportService support;

	private final NotificationService notifications;

	NotifyAuthorityDeadlineWarningDelegate(SupportService support, NotificationService notifications) {
		this.support = support;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		AuthorityDeadline deadline = this.support.recordWarning(DeadlineMail.deadlineId(execution));
		this.notifications.notifyManagers(ProcessVariables.incidentId(execution),
				ManagerNotification.AUTHORITY_DEADLINE_WARNING, deadline.kind().name(), DeadlineMail.model(deadline));
	}

}
