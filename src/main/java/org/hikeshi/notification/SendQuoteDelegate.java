package org.hikeshi.notification;

import org.springframework.stereotype.Component;

/** {@code Task_SendQuote}: mail to the client: the quote, issued at this moment. */
@Component("sendQuoteDelegate")
class SendQuoteDelegate extends ClientMailDelegate {

	SendQuoteDelegate(NotificationService notifications) {
		super(notifications, ClientNotification.QUOTE_ISSUED);
	}

}
