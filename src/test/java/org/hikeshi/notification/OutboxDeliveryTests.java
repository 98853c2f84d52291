package org.hikeshi.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DispatchMode;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;
import org.hikeshi.reporting.ReportService;
import org.hikeshi.reporting.ReportType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hikeshi.notification.NotificationFixtures.mailTo;
import static org.hikeshi.notification.NotificationFixtures.uniqueAddress;

/**
 * Nothing lost, nothing twice: the outbox against an SMTP server that goes away and comes back, replayed steps,
 * rolled-back steps, two nodes, and a mail that keeps failing until a manager retries it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutboxDeliveryTests {

	@Autowired
	private IncidentService incidentService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private ReportService reports;

	@Autowired
	private NotificationService notifications;

	@Autowired
	private OutboxSender sender;

	@Autowired
	private OutboxRepository outbox;

	@Autowired
	private NotificationProperties properties;

	@Autowired
	private TestRestTemplate anonymous;

	private NotificationFixtures.Incidents incidents;

	private final List<GreenMail> servers = new ArrayList<>();

	@BeforeEach
	void fixtures() {
		this.incidents = new NotificationFixtures.Incidents(this.incidentService, this.managementService, this.context,
				this.transactionManager);
	}

	@AfterEach
	void stopSmtp() {
		this.servers.forEach(GreenMail::stop);
	}

	@Test
	void shouldDeliverEveryMailExactlyOnceAndInOrderAfterTheSmtpServerComesBack() throws Exception {
		// SMTP is down while three incidents move forward
		List<String> addresses = new ArrayList<>();
		List<Incident> reported = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String email = uniqueAddress("outage");
			Incident incident = this.incidents.report("株式会社サンプル商事 " + i, email, i == 1 ? Language.EN : Language.JA,
					ClientType.CORPORATION);
			this.incidentService.recordDispatch(incident.id(), "佐藤 健二", null, DispatchMode.REMOTE);
			this.incidents.execute("notifyResponderDispatchedDelegate", incident.id());
			this.reports.create(incident.id(), ReportType.INITIAL, "test");
			this.incidents.execute("notifyInitialReportDelegate", incident.id());
			addresses.add(email);
			reported.add(incident);
		}
		Instant start = Instant.now();
		assertThat(this.sender.deliverDue(start)).isZero();
		for (Incident incident : reported) {
			List<OutboxMail> queued = this.outbox.findByIncident(incident.id());
			assertThat(queued).extracting(OutboxMail::event)
				.containsExactly("INCIDENT_RECEIVED", "RESPONDER_DISPATCHED", "INITIAL_REPORT_READY");
			// only the first of each incident was tried; the others wait behind it
			assertThat(queued).extracting(OutboxMail::status)
				.containsExactly(OutboxStatus.PENDING, OutboxStatus.PENDING, OutboxStatus.PENDING);
			assertThat(queued).extracting(OutboxMail::attempts).containsExactly(1, 0, 0);
			assertThat(queued.get(0).nextAttemptAt()).isAfter(start);
			assertThat(queued.get(0).lastError()).isNotBlank();
		}
		// still down an hour later: every head has been tried again with a longer wait, nothing else
		for (int minute = 1; minute <= 60; minute++) {
			this.sender.deliverDue(start.plus(Duration.ofMinutes(minute)));
		}
		for (Incident incident : reported) {
			List<OutboxMail> queued = this.outbox.findByIncident(incident.id());
			assertThat(queued.get(0).attempts()).isBetween(5, this.properties.outbox().maxAttempts() - 1);
			assertThat(queued).extracting(OutboxMail::attempts).endsWith(0, 0);
		}

		GreenMail smtp = start();
		int sent = this.sender.deliverDue(start.plus(Duration.ofHours(2)));
		assertThat(this.sender.deliverDue(start.plus(Duration.ofHours(3)))).isZero();

		Set<String> messageIds = new HashSet<>();
		int total = 0;
		for (int i = 0; i < reported.size(); i++) {
			Incident incident = reported.get(i);
			List<MimeMessage> received = mailTo(smtp, addresses.get(i));
			assertThat(received).extracting(NotificationFixtures::subjectOf)
				.allSatisfy(s -> assertThat(s).startsWith("[" + incident.reference() + "] "))
				.extracting(s -> s.substring(incident.reference().length() + 3))
				.satisfiesExactly(s -> assertThat(s).contains("ご依頼を受け付けました"),
						s -> assertThat(s).contains("担当者を手配しました"), s -> assertThat(s).contains("初動調査報告書"));
			for (MimeMessage message : received) {
				messageIds.add(message.getMessageID());
			}
			total += received.size();
			assertThat(this.outbox.findByIncident(incident.id())).extracting(OutboxMail::status)
				.containsOnly(OutboxStatus.SENT);
		}
		assertThat(total).isEqualTo(9);
		assertThat(messageIds).hasSize(9);
		assertThat(sent).isGreaterThanOrEqualTo(9);
	}

	@Test
	void shouldNotQueueAReplayedStepTwice() throws Exception {
		GreenMail smtp = start();
		String email = uniqueAddress("replay");
		Incident incident = this.incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);

		// the receipt's job ran once; the engine retries the step (or runs it again after a lost commit)
		this.incidents.execute("notifyIncidentReceivedDelegate", incident.id());
		this.incidents.execute("notifyIncidentReceivedDelegate", incident.id());
		this.sender.deliverDue();
		this.incidents.execute("notifyIncidentReceivedDelegate", incident.id());
		this.sender.deliverDue();

		assertThat(this.outbox.findByIncident(incident.id())).singleElement()
			.satisfies(mail -> assertThat(mail.status()).isEqualTo(OutboxStatus.SENT));
		assertThat(mailTo(smtp, email)).hasSize(1);
		assertThat(this.jdbc().sql("SELECT COUNT(*) FROM status_link WHERE incident_id = ?")
			.param(incident.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldTakeTheMailBackWhenTheStepRollsBack() throws Exception {
		GreenMail smtp = start();
		String email = uniqueAddress("rollback");
		Incident incident = this.incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);
		this.incidentService.recordDispatch(incident.id(), "佐藤 健二", null, DispatchMode.ON_SITE);

		// the job's transaction fails after the mail was queued: the mail goes with it, the retry queues it once
		TransactionTemplate job = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> job.executeWithoutResult(status -> {
			this.notifications.notifyClient(incident.id(), ClientNotification.RESPONDER_DISPATCHED);
			throw new IllegalStateException("the step fails after queueing its mail");
		})).hasMessageContaining("fails after");
		assertThat(this.outbox.findByKey(OutboxMail.key(incident.id(), "RESPONDER_DISPATCHED"))).isEmpty();
		this.incidents.execute("notifyResponderDispatchedDelegate", incident.id());
		this.sender.deliverDue();

		assertThat(mailTo(smtp, email)).extracting(NotificationFixtures::subjectOf)
			.containsExactly("[" + incident.reference() + "] ご依頼を受け付けました / We have received your request",
					"[" + incident.reference() + "] 担当者を手配しました / A responder has been assigned");
	}

	@Test
	void shouldNotSendAMailAnotherNodeHasClaimed() throws Exception {
		GreenMail smtp = start();
		String email = uniqueAddress("claimed");
		Incident incident = this.incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);
		OutboxMail mail = this.outbox.findByIncident(incident.id()).get(0);
		Instant now = Instant.now();
		assertThat(this.outbox.claim(mail.id(), "other-node", now, now.plus(Duration.ofMinutes(5)))).isTrue();
		assertThat(this.outbox.claim(mail.id(), "third-node", now, now.plus(Duration.ofMinutes(5)))).isFalse();

		this.sender.deliverDue(now.plus(Duration.ofMinutes(1)));
		assertThat(mailTo(smtp, email)).isEmpty();

		// the other node died: its claim runs out and this node takes the mail over
		this.sender.deliverDue(now.plus(Duration.ofMinutes(6)));
		assertThat(mailTo(smtp, email)).hasSize(1);
		assertThat(this.outbox.find(mail.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
	}

	@Test
	void shouldFailAfterTheLastAttemptShowItToManagersAndRetryOnRequest() throws Exception {
		String email = uniqueAddress("failing");
		Incident incident = this.incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);
		this.incidentService.recordDispatch(incident.id(), "佐藤 健二", null, DispatchMode.ON_SITE);
		this.incidents.execute("notifyResponderDispatchedDelegate", incident.id());
		OutboxMail receipt = this.outbox.findByIncident(incident.id()).get(0);
		Instant now = Instant.now();
		for (int day = 0; day < this.properties.outbox().maxAttempts(); day++) {
			this.sender.deliverDue(now.plus(Duration.ofDays(day)));
		}

		OutboxMail failed = this.outbox.find(receipt.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(this.properties.outbox().maxAttempts());
		assertThat(this.outbox.findByIncident(incident.id()).get(1).attempts()).isZero();
		org.camunda.bpm.engine.runtime.Incident cockpit = this.runtimeService.createIncidentQuery()
			.incidentType(OutboxSender.INCIDENT_TYPE)
			.processInstanceId(incident.processInstanceId())
			.singleResult();
		assertThat(cockpit).isNotNull();
		assertThat(cockpit.getConfiguration()).isEqualTo(String.valueOf(receipt.id()));
		assertThat(cockpit.getIncidentMessage()).contains(receipt.idempotencyKey());
		assertThat(failed.camundaIncidentId()).isEqualTo(cockpit.getId());

		ResponseEntity<JsonNode> list = manager().getForEntity("/api/notifications/outbox?status=FAILED",
				JsonNode.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody().findValuesAsText("idempotencyKey")).contains(receipt.idempotencyKey());
		assertThat(coordinator().getForEntity("/api/notifications/outbox?status=FAILED", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(coordinator().postForEntity("/api/notifications/outbox/" + receipt.id() + "/retry", null,
				String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.anonymous.getForEntity("/api/notifications/outbox", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		GreenMail smtp = start();
		this.sender.deliverDue(now.plus(Duration.ofDays(30)));
		assertThat(mailTo(smtp, email)).as("the failed mail blocks the incident's later mail").isEmpty();

		ResponseEntity<JsonNode> retried = manager().postForEntity(
				"/api/notifications/outbox/" + receipt.id() + "/retry", null, JsonNode.class);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retried.getBody().get("status").asText()).isEqualTo("PENDING");
		assertThat(this.runtimeService.createIncidentQuery().incidentId(cockpit.getId()).count()).isZero();
		assertThat(manager().postForEntity("/api/notifications/outbox/" + receipt.id() + "/retry", null,
				String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		this.sender.deliverDue();
		assertThat(mailTo(smtp, email)).extracting(NotificationFixtures::subjectOf)
			.containsExactly("[" + incident.reference() + "] ご依頼を受け付けました / We have received your request",
					"[" + incident.reference() + "] 担当者を手配しました / A responder has been assigned");
	}

	@Test
	void shouldShareOneSmtpConnectionPerGroupOfMailsAndRetryOnlyTheOneTheServerRefused() throws Exception {
		GreenMail smtp = start();
		Instant now = Instant.now().plus(Duration.ofMinutes(1));
		this.sender.deliverDue(now.plus(Duration.ofDays(1))); // mail other tests left behind
		int perConnection = this.properties.outbox().mailsPerConnection();
		List<String> addresses = new ArrayList<>();
		List<Incident> reported = new ArrayList<>();
		for (int i = 0; i < perConnection + 2; i++) {
			String email = uniqueAddress(i == 3 ? "refused" : "batch");
			reported.add(this.incidents.report("株式会社サンプル商事 " + i, email, Language.JA, ClientType.CORPORATION));
			addresses.add(email);
		}
		RecordingMailSender server = new RecordingMailSender(addresses.get(3));
		OutboxSender sender = new OutboxSender(this.outbox, server, this.runtimeService, this.properties,
				java.time.Clock.systemUTC(), this.context.getBean(org.hikeshi.cluster.ClusterNode.class));

		assertThat(sender.deliverDue(now)).isEqualTo(perConnection + 1);

		assertThat(server.connections).as("SMTP connections opened").isEqualTo(2);
		assertThat(server.mailsPerCall).containsExactly(perConnection, 2);
		for (int i = 0; i < reported.size(); i++) {
			OutboxMail receipt = this.outbox.findByIncident(reported.get(i).id()).get(0);
			if (i == 3) {
				assertThat(receipt.status()).isEqualTo(OutboxStatus.PENDING);
				assertThat(receipt.attempts()).isEqualTo(1);
				assertThat(receipt.lastError()).contains("550 5.1.1");
				assertThat(mailTo(smtp, addresses.get(i))).isEmpty();
			}
			else {
				assertThat(receipt.status()).isEqualTo(OutboxStatus.SENT);
				assertThat(mailTo(smtp, addresses.get(i))).hasSize(1);
			}
		}
	}

	/**
	 * A real sender to the test SMTP server that counts the connections it opens and has one recipient refused, as
	 * a server answers {@code 550} to one message of a connection and accepts the others.
	 */
	private static final class RecordingMailSender extends org.springframework.mail.javamail.JavaMailSenderImpl {

		private final String refused;

		private int connections;

		private final List<Integer> mailsPerCall = new ArrayList<>();

		RecordingMailSender(String refused) {
			this.refused = refused;
			setHost("127.0.0.1");
			setPort(NotificationFixtures.SMTP_PORT);
		}

		@Override
		protected jakarta.mail.Transport connectTransport() throws jakarta.mail.MessagingException {
			this.connections++;
			return super.connectTransport();
		}

		@Override
		public void send(MimeMessage... messages) {
			this.mailsPerCall.add(messages.length);
			java.util.Map<Object, Exception> failed = new java.util.LinkedHashMap<>();
			List<MimeMessage> accepted = new ArrayList<>();
			for (MimeMessage message : messages) {
				try {
					if (message.getAllRecipients()[0].toString().equals(this.refused)) {
						failed.put(message, new jakarta.mail.SendFailedException("550 5.1.1 mailbox unavailable"));
						continue;
					}
				}
				catch (jakarta.mail.MessagingException ex) {
					throw new IllegalStateException(ex);
				}
				accepted.add(message);
			}
			super.send(accepted.toArray(MimeMessage[]::new));
			if (!failed.isEmpty()) {
				throw new org.springframework.mail.MailSendException(failed);
			}
		}

	}

	private GreenMail start() {
		GreenMail smtp = NotificationFixtures.startSmtp();
		this.servers.add(smtp);
		return smtp;
	}

	private TestRestTemplate manager() {
		return this.anonymous.withBasicAuth("manager", "manager");
	}

	private TestRestTemplate coordinator() {
		return this.anonymous.withBasicAuth("coordinator", "coordinator");
	}

	private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
		return this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
	}

}
