package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_NotifyIndividualReferral}: mail to the client: an individual requester is referred to IPA and the police. */
@Component("notifyIndividualReferralDelegate")
class NotifyIndividualReferralDelegate extends ClientMailDelegate {

	NotifyIndividualReferralDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.INDIVIDUAL_REFERRED);
	}

}
