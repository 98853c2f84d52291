package org.hikeshi.notification;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DispatchMode;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;
import org.hikeshi.reporting.Report;
import org.hikeshi.reporting.ReportService;
import org.hikeshi.reporting.ReportType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hikeshi.notification.NotificationFixtures.attachments;
import static org.hikeshi.notification.NotificationFixtures.html;
import static org.hikeshi.notification.NotificationFixtures.mailTo;
import static org.hikeshi.notification.NotificationFixtures.text;
import static org.hikeshi.notification.NotificationFixtures.uniqueAddress;

/**
 * What the client and the managers receive, in both languages, through a real SMTP server: the encoded Japanese
 * subject with the reference, text and HTML parts in UTF-8 with the client's language first, escaped values, the
 * status link, the report attached, and no header a user-supplied value could inject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailContentTests {

	@Autowired
	private IncidentService incidentService;

	@Autowired
	private ManagementService managementService;

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
	private JdbcClient jdbc;

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
	void shouldSendTheReceiptJapaneseFirstWithAnEncodedSubjectTextAndHtml() throws Exception {
		String email = uniqueAddress("receipt-ja");
		Incident incident = this.incidents.report("株式会社<サンプル>&商事", email, Language.JA, ClientType.CORPORATION);

		this.sender.deliverDue();

		MimeMessage mail = single(email);
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		assertThat(mail.getSubject())
			.isEqualTo("[" + incident.reference() + "] ご依頼を受け付けました / We have received your request");
		assertThat(mail.getFrom()[0].toString()).contains("noreply@hikeshi.example");
		assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(NotificationFixtures.part(mail, "text/plain").getContentType()).containsIgnoringCase("UTF-8");
		assertThat(NotificationFixtures.part(mail, "text/html").getContentType()).containsIgnoringCase("UTF-8");
		String text = text(mail);
		assertThat(text).contains("株式会社<サンプル>&商事", incident.reference(), "秘密保持契約（NDA）",
				"感染したPCやサーバのLANケーブルを抜いてください。", "Unplug the LAN cables of infected PCs and servers.",
				"Hikeshi インシデント対応センター");
		assertThat(text.indexOf("インシデント対応のご依頼を受け付けました")).isLessThan(text.indexOf("We have received"));
		String html = html(mail);
		assertThat(html).contains("株式会社&lt;サンプル&gt;&amp;商事", "<li>感染したPCの無線LANを切断してください。</li>",
				"<li>Switch off the Wi-Fi of infected PCs.</li>", "lang=\"ja\"")
			.doesNotContain("<サンプル>");
		assertThat(html.indexOf("インシデント対応のご依頼を受け付けました"))
			.isLessThan(html.indexOf("We have received your incident response request"));
		String statusPath = NotificationFixtures.statusPath(mail);
		assertThat(html).contains("href=\"http://localhost:8080" + statusPath + "\"");
	}

	@Test
	void shouldSendTheReceiptEnglishFirstToAnEnglishSpeakingClient() throws Exception {
		String email = uniqueAddress("receipt-en");
		Incident incident = this.incidents.report("Sample Trading Co., Ltd.", email, Language.EN,
				ClientType.CORPORATION);

		this.sender.deliverDue();

		MimeMessage mail = single(email);
		assertThat(mail.getSubject())
			.isEqualTo("[" + incident.reference() + "] We have received your request / ご依頼を受け付けました");
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		String text = text(mail);
		assertThat(text.indexOf("We have received your incident response request"))
			.isLessThan(text.indexOf("インシデント対応のご依頼を受け付けました"));
		assertThat(text.indexOf("Follow your request")).isLessThan(text.indexOf("ご依頼の状況の確認"));
		assertThat(html(mail)).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">");
	}

	@Test
	void shouldAttachTheReportInBothLanguages() throws Exception {
		for (Language language : Language.values()) {
			String email = uniqueAddress("report-" + language.code());
			Incident incident = this.incidents.report("株式会社サンプル商事", email, language, ClientType.CORPORATION);
			this.incidentService.recordDispatch(incident.id(), "佐藤 健二", null, DispatchMode.ON_SITE);
			this.incidents.execute("notifyResponderDispatchedDelegate", incident.id());
			Report initial = this.reports.create(incident.id(), ReportType.INITIAL, "test");
			this.incidents.execute("notifyInitialReportDelegate", incident.id());
			Report full = this.reports.create(incident.id(), ReportType.FULL, "test");
			this.incidents.execute("notifyFullReportDelegate", incident.id());

			this.sender.deliverDue();

			List<MimeMessage> mails = mailTo(this.smtp, email);
			assertThat(mails).hasSize(4);
			boolean ja = language == Language.JA;
			assertThat(mails.get(1).getSubject()).isEqualTo("[" + incident.reference() + "] "
					+ (ja ? "担当者を手配しました / A responder has been assigned"
							: "A responder has been assigned / 担当者を手配しました"));
			assertThat(text(mails.get(1))).contains("佐藤 健二", "現地に駆け付けて対応", "on site");
			assertThat(html(mails.get(1))).contains("佐藤 健二", "現地に駆け付けて対応", "on site");
			assertReport(mails.get(2), initial, ja ? "初動調査報告書" : "Initial investigation report");
			assertReport(mails.get(3), full, ja ? "本格調査報告書" : "Full investigation report");
		}
	}

	@Test
	void shouldSendTheIndividualReferralAndTheNdaDecline() throws Exception {
		String individual = uniqueAddress("individual");
		Incident referred = this.incidents.report("山田 花子", individual, Language.EN, ClientType.INDIVIDUAL);
		String declined = uniqueAddress("declined");
		Incident nda = this.incidents.report("株式会社サンプル商事", declined, Language.JA, ClientType.CORPORATION);
		this.incidents.execute("notifyNdaDeclinedDelegate", nda.id());

		this.sender.deliverDue();

		MimeMessage referral = single(individual);
		assertThat(referral.getSubject())
			.isEqualTo("[" + referred.reference() + "] Where to get help / ご相談窓口のご案内");
		assertThat(text(referral)).contains("IPA", "police", "警察");
		assertThat(html(referral)).contains("IPA", "police", "警察");
		List<MimeMessage> ndaMails = mailTo(this.smtp, declined);
		assertThat(ndaMails).extracting(MimeMessage::getSubject)
			.containsExactly("[" + nda.reference() + "] ご依頼を受け付けました / We have received your request",
					"[" + nda.reference() + "] ご依頼について / About your request");
		assertThat(text(ndaMails.get(1))).contains("秘密保持契約（NDA）の締結に至らなかったため", "will not start any");
	}

	@Test
	void shouldSendTheSlaMailToManagersWithoutAStatusLink() throws Exception {
		Incident incident = this.incidents.report("株式会社サンプル商事", uniqueAddress("sla"), Language.JA,
				ClientType.CORPORATION);
		this.incidents.execute("notifyDispatchSlaWarningDelegate", incident.id());
		this.incidents.execute("notifyDispatchSlaBreachDelegate", incident.id());

		this.sender.deliverDue();

		List<MimeMessage> managerMail = mailTo(this.smtp, "manager@hikeshi.example").stream()
			.filter(m -> subject(m).startsWith("[" + incident.reference() + "]"))
			.toList();
		assertThat(managerMail).extracting(NotificationFixtures::subjectOf)
			.containsExactly("[" + incident.reference() + "] 出動SLA警告: 未手配 / Dispatch SLA warning: nobody dispatched yet",
					"[" + incident.reference() + "] 出動SLA違反 / Dispatch SLA breached");
		assertThat(text(managerMail.get(0))).contains("受付から20時間が経過", "20 hours have passed")
			.doesNotContain("/status/");
		assertThat(html(managerMail.get(1))).contains("Dispatch SLA breached").doesNotContain("/status/");
	}

	@Test
	void shouldKeepControlCharactersOutOfHeaders() throws Exception {
		String email = uniqueAddress("headers");
		Incident incident = this.incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);
		// values that intake refuses, written past it straight into the table
		this.jdbc.sql("UPDATE incident SET reference = ? WHERE id = ?")
			.params("IR\r\nBcc: x@evil.test", incident.id())
			.update();
		this.incidents.execute("notifyNdaDeclinedDelegate", incident.id());
		this.sender.deliverDue();

		MimeMessage mail = mailTo(this.smtp, email).get(1);
		assertThat(mail.getSubject()).isEqualTo("[IR Bcc: x@evil.test] ご依頼について / About your request");
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(email);
		assertThat(mailTo(this.smtp, "x@evil.test")).isEmpty();

		this.jdbc.sql("UPDATE incident SET email = ? WHERE id = ?")
			.params(email + "\r\nBcc: x@evil.test", incident.id())
			.update();
		assertThatThrownBy(() -> this.notifications.notifyClient(incident.id(), ClientNotification.RESPONDER_DISPATCHED))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("control characters");
		assertThat(this.outbox.findByKey(OutboxMail.key(incident.id(), "RESPONDER_DISPATCHED"))).isEmpty();
	}

	private MimeMessage single(String email) throws Exception {
		List<MimeMessage> mails = mailTo(this.smtp, email);
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}

	private static void assertReport(MimeMessage mail, Report report, String subject) throws Exception {
		assertThat(mail.getSubject()).contains(subject);
		assertThat(mail.getContentType()).startsWith("multipart/mixed");
		List<BodyPart> attached = attachments(mail);
		assertThat(attached).singleElement().satisfies(part -> {
			assertThat(part.getFileName()).isEqualTo(report.fileName());
			assertThat(part.getInputStream().readAllBytes()).isEqualTo(report.content());
		});
		assertThat(text(mail)).contains(report.fileName(), report.sha256());
		assertThat(html(mail)).contains(report.fileName(), report.sha256());
	}

	private static String subject(MimeMessage message) {
		return NotificationFixtures.subjectOf(message);
	}

}
