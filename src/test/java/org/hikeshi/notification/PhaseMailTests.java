package org.hikeshi.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;
import org.hikeshi.monitoring.Alert;
import org.hikeshi.monitoring.AlertMail;
import org.hikeshi.monitoring.Danger;
import org.hikeshi.monitoring.MonitoringPeriod;
import org.hikeshi.monitoring.MonitoringReport;
import org.hikeshi.monitoring.SignatureClass;
import org.hikeshi.support.AuthorityDeadline;
import org.hikeshi.support.DeadlineKind;
import org.hikeshi.support.DeadlineMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.notification.NotificationFixtures.html;
import static org.hikeshi.notification.NotificationFixtures.mailTo;
import static org.hikeshi.notification.NotificationFixtures.text;
import static org.hikeshi.notification.NotificationFixtures.uniqueAddress;

/**
 * The mails of the phases (docs/phases.md) in both languages: the alert with its countermeasure to the client's
 * administrator, the monthly monitoring report, the managers' alert and deadline escalations; each occurrence
 * queued once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhaseMailTests {

	private static final Instant AT = Instant.parse("2026-11-24T03:12:09Z");

	@Autowired
	private IncidentService incidentService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private NotificationService notifications;

	@Autowired
	private OutboxSender sender;

	private NotificationFixtures.Incidents incidents;

	private GreenMail smtp;

	@BeforeEach
	void startSmtp() {
		this.incidents = new NotificationFixtures.Incidents(this.incidentService, this.managementService, this.context,
				this.transactionManager);
		this.smtp = NotificationFixtures.startSmtp();
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void shouldMailTheAlertAndItsCountermeasureToTheAdministratorOnceInBothLanguages() throws Exception {
		for (Language language : Language.values()) {
			Incident incident = this.incidents.report("株式会社サンプル商事", uniqueAddress("contact"), language,
					ClientType.CORPORATION);
			String admin = uniqueAddress("admin-" + language.code());
			Alert alert = new Alert(77, incident.id(), "suricata-dmz-01", "ET TROJAN <Cobalt> Strike",
					SignatureClass.COMMAND_AND_CONTROL, 8, Danger.CRITICAL, AT, null, AT, "sensor", null, 1, AT, true, null,
					null, null, null);
			MonitoringPeriod period = new MonitoringPeriod(incident.id(), "本社DMZ", "情シス 鈴木", admin, AT, 3, 0, AT, null,
					null, null);

			this.notifications.notifyClient(incident.id(), ClientNotification.ALERT_RAISED, "77", List.of(admin),
					AlertMail.model(alert, period));
			this.notifications.notifyClient(incident.id(), ClientNotification.ALERT_RAISED, "77", List.of(admin),
					AlertMail.model(alert, period));
			this.sender.deliverDue();

			List<MimeMessage> mails = mailTo(this.smtp, admin);
			assertThat(mails).as("a replayed step queues nothing twice").hasSize(1);
			boolean ja = language == Language.JA;
			assertThat(mails.get(0).getSubject()).startsWith("[" + incident.reference() + "] " + (ja ? "【緊急】" : "[Urgent]"));
			String text = text(mails.get(0));
			assertThat(text).contains("情シス 鈴木", "ET TROJAN <Cobalt> Strike", "2026-11-24 12:12:09",
					SignatureClass.COMMAND_AND_CONTROL.countermeasureJa(), SignatureClass.COMMAND_AND_CONTROL.countermeasureEn());
			assertThat(text.indexOf("至急")).as("the client's language first")
				.isLessThan(ja ? text.indexOf("Please take") : Integer.MAX_VALUE);
			assertThat(html(mails.get(0))).contains("ET TROJAN &lt;Cobalt&gt; Strike").doesNotContain("<Cobalt>");
		}
	}

	@Test
	void shouldMailTheMonthlyMonitoringReportToTheClient() throws Exception {
		String contact = uniqueAddress("monthly");
		Incident incident = this.incidents.report("Sample Trading", contact, Language.EN, ClientType.CORPORATION);
		MonitoringReport report = new MonitoringReport(1, incident.id(), 2, AT, AT.plusSeconds(30L * 24 * 3600), 1, 2, 3,
				40, 120, "ET SCAN Nmap (LOW) ×40", AT);

		this.notifications.notifyClient(incident.id(), ClientNotification.MONITORING_REPORT, "2", List.of(),
				Map.of("monitoringReport", report, "reportFrom", "2026-11-24 12:12", "reportTo", "2026-12-24 12:12"));
		this.sender.deliverDue();

		List<MimeMessage> mails = mailTo(this.smtp, contact);
		assertThat(mails).extracting(PhaseMailTests::subject)
			.containsExactly("[" + incident.reference() + "] We have received your request / ご依頼を受け付けました",
					"[" + incident.reference() + "] Monthly monitoring report / 不正アクセス監視 月次報告");
		String text = text(mails.get(1));
		assertThat(text).contains("monitoring report no. 2", "Alerts: 46 (critical 1, high 2, medium 3, low 40)",
				"Duplicates collapsed: 120", "ET SCAN Nmap (LOW) ×40", "第2回", "2026-12-24 12:12");
	}

	@Test
	void shouldWarnAndEscalateToManagersOncePerDeadline() throws Exception {
		Incident incident = this.incidents.report("株式会社サンプル商事", uniqueAddress("deadline"), Language.JA,
				ClientType.CORPORATION);
		AuthorityDeadline deadline = new AuthorityDeadline(5, incident.id(), 1, DeadlineKind.PPC_PRELIMINARY,
				"個人情報保護法第26条第1項 / APPI Art. 26(1)", AT, AT.plusSeconds(3 * 86400), AT.plusSeconds(5 * 86400), null,
				null, null, null, null, null, AuthorityDeadline.Status.OPEN);

		this.notifications.notifyManagers(incident.id(), ManagerNotification.AUTHORITY_DEADLINE_WARNING,
				deadline.kind().name(), DeadlineMail.model(deadline));
		this.notifications.notifyManagers(incident.id(), ManagerNotification.AUTHORITY_DEADLINE_MISSED,
				deadline.kind().name(), DeadlineMail.model(deadline));
		this.notifications.notifyManagers(incident.id(), ManagerNotification.AUTHORITY_DEADLINE_MISSED,
				deadline.kind().name(), DeadlineMail.model(deadline));
		this.sender.deliverDue();

		List<MimeMessage> mails = mailTo(this.smtp, "manager@hikeshi.example").stream()
			.filter(m -> subject(m).startsWith("[" + incident.reference() + "]"))
			.toList();
		assertThat(mails).extracting(PhaseMailTests::subject)
			.containsExactly("[" + incident.reference() + "] 当局への報告期限が迫っています / Authority report deadline approaching",
					"[" + incident.reference() + "] 当局への報告期限を過ぎました / Authority report deadline missed");
		assertThat(text(mails.get(1))).contains("個人情報保護委員会への速報", "2026-11-29 12:12 (JST)", "APPI Art. 26(1)",
				"Preliminary report to the PPC");
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
