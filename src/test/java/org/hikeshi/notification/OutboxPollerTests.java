package org.hikeshi.notification;

import com.icegreen.greenmail.util.GreenMail;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hikeshi.notification.NotificationFixtures.mailTo;
import static org.hikeshi.notification.NotificationFixtures.uniqueAddress;

/**
 * The node's outbox poller: a mail goes out as soon as the transaction that queued it commits, not at the next
 * poll (here an hour away), and a mail whose transaction rolled back never goes out.
 * <p>
 * An application of its own (the poller on), closed afterwards; its engine has its own name, because engines are
 * registered by name in one registry per JVM and the other tests' engine REST calls go to {@code default}.
 */
@SpringBootTest(properties = { "hikeshi.notification.outbox.scheduler-enabled=true",
		"hikeshi.notification.outbox.poll-interval=1h", "camunda.bpm.process-engine-name=outboxPoller" })
@ActiveProfiles("test")
@DirtiesContext
class OutboxPollerTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private NotificationService notifications;

	@Autowired
	private OutboxRepository outbox;

	private final GreenMail smtp = NotificationFixtures.startSmtp();

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void shouldSendAMailRightAfterItsTransactionCommits() throws Exception {
		NotificationFixtures.Incidents incidents = NotificationFixtures.Incidents.of(this.context);
		String email = uniqueAddress("woken");
		Incident incident = incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);

		assertThat(this.smtp.waitForIncomingEmail(10_000, 1)).as("the receipt, long before the next poll").isTrue();
		assertThat(mailTo(this.smtp, email)).singleElement()
			.extracting(NotificationFixtures::subjectOf)
			.asString()
			.startsWith("[" + incident.reference() + "] ご依頼を受け付けました");

		// a step that queues its mail and then fails: nothing is sent when the poller is next woken
		assertThatThrownBy(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			this.notifications.notifyClient(incident.id(), ClientNotification.RESPONDER_DISPATCHED);
			throw new IllegalStateException("the step fails after queueing its mail");
		})).hasMessageContaining("fails after");
		String other = uniqueAddress("woken-again");
		incidents.report("株式会社サンプル商事", other, Language.EN, ClientType.CORPORATION);
		assertThat(this.smtp.waitForIncomingEmail(10_000, 2)).isTrue();
		assertThat(mailTo(this.smtp, other)).hasSize(1);
		assertThat(mailTo(this.smtp, email)).hasSize(1);
		assertThat(this.outbox.findByIncident(incident.id())).extracting(OutboxMail::event)
			.containsExactly("INCIDENT_RECEIVED");
	}

}
