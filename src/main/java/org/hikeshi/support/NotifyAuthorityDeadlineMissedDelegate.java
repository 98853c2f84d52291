package org.hikeshi.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;
import org.hikeshi.notification.ManagerNotification;
import org.hikeshi.notification.NotificationService;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyAuthorityDeadlineMissed} (asynchronous): escalation mail to the managers. */
@Component("notifyAuthorityDeadlineMissedDelegate")
class NotifyAuthorityDeadlineMissedDelegate implements JavaDelegate {

	private final SupportService support;

	private final NotificationService notifications;

	NotifyAuthorityDeadlineMissedDelegate(SupportService support, NotificationService notifications) {
		this.support = support;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		AuthorityDeadline deadline = this.support.deadline(DeadlineMail.deadlineId(execution));
		this.notifications.notifyManagers(ProcessVariables.incidentId(execution),
				ManagerNotification.AUTHORITY_DEADLINE_MISSED, deadline.kind().name(), DeadlineMail.model(deadline));
	}

}
