package org.hikeshi.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DispatchMode;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;
import org.hikeshi.incident.Phase;
import org.hikeshi.reporting.Report;
import org.hikeshi.reporting.ReportService;
import org.hikeshi.reporting.ReportType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.notification.NotificationFixtures.mailTo;
import static org.hikeshi.notification.NotificationFixtures.statusPath;
import static org.hikeshi.notification.NotificationFixtures.uniqueAddress;

/**
 * The read-only status page behind the link in every client mail: no login, the phase in the client's language
 * (and the other on request), the mail sent so far, the reports of this incident only; revoked and expired links
 * are a 404 like any unknown one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StatusPageTests {

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
	private OutboxSender sender;

	@Autowired
	private NotificationProperties properties;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestRestTemplate anonymous;

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
	void shouldShowThePhaseTimelineAndReportsThroughTheLinkInTheMail() throws Exception {
		String email = uniqueAddress("status");
		Incident incident = this.incidents.report("株式会社<サンプル>商事", email, Language.JA, ClientType.CORPORATION);
		this.incidentService.recordDispatch(incident.id(), "佐藤 健二", null, DispatchMode.ON_SITE);
		this.incidentService.enterPhase(incident.id(), Phase.INITIAL_INVESTIGATION);
		this.incidents.execute("notifyResponderDispatchedDelegate", incident.id());
		Report initial = this.reports.create(incident.id(), ReportType.INITIAL, "test");
		this.incidents.execute("notifyInitialReportDelegate", incident.id());
		this.sender.deliverDue();
		List<MimeMessage> mails = mailTo(this.smtp, email);
		assertThat(mails).hasSize(3);
		String path = statusPath(mails.get(0));

		ResponseEntity<String> page = this.anonymous.getForEntity(path, String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
		assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getHeaders().getCacheControl()).contains("no-store");
		assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'",
				"object-src 'none'", "frame-ancestors 'self'");
		assertThat(page.getBody()).contains(incident.reference(), "初期調査", "ご依頼を受け付けました", "担当者を手配しました",
				"初動調査報告書", initial.fileName())
			// nothing internal: not the narrative, not the organisation, not the responder, not the other language
			.doesNotContain("ファイルサーバのファイルが開けなくなった", "佐藤 健二", "サンプル", "Initial investigation");
		assertThat(this.anonymous.getForEntity(path + "?lang=en", String.class).getBody())
			.contains("Initial investigation", "A responder has been assigned", "Status of your request");
		// every mail has a link of its own, and each works
		assertThat(statusPath(mails.get(2))).isNotEqualTo(path);
		assertThat(this.anonymous.getForEntity(statusPath(mails.get(2)), String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		ResponseEntity<byte[]> download = this.anonymous
			.getForEntity(path + "/reports/" + initial.id() + ".pdf", byte[].class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getBody()).isEqualTo(initial.content());
		assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(initial.fileName());
	}

	@Test
	void shouldNotServeAnotherIncidentsReport() throws Exception {
		String mine = uniqueAddress("mine");
		Incident incident = this.incidents.report("株式会社サンプル商事", mine, Language.JA, ClientType.CORPORATION);
		Incident other = this.incidents.report("株式会社ほか", uniqueAddress("other"), Language.JA,
				ClientType.CORPORATION);
		Report othersReport = this.reports.create(other.id(), ReportType.INITIAL, "test");
		this.incidents.execute("notifyInitialReportDelegate", other.id());
		Report unsent = this.reports.create(incident.id(), ReportType.INITIAL, "test");
		this.sender.deliverDue();
		String path = statusPath(mailTo(this.smtp, mine).get(0));

		assertThat(this.anonymous.getForEntity(path + "/reports/" + othersReport.id() + ".pdf", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.anonymous.getForEntity(path + "/reports/" + unsent.id() + ".pdf", String.class)
			.getStatusCode()).as("a report not yet sent to the client").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.anonymous.getForEntity(path, String.class).getBody()).doesNotContain(othersReport.fileName());
	}

	@Test
	void shouldAnswer404ToUnknownRevokedAndExpiredLinks() throws Exception {
		assertThat(status("/status/" + "A".repeat(43))).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.anonymous.getForEntity("/status/" + "A".repeat(43), String.class).getBody())
			.contains("ページが見つかりません / Page not found");
		assertThat(status("/status/not-a-token")).isEqualTo(HttpStatus.NOT_FOUND);

		String revokedEmail = uniqueAddress("revoked");
		Incident revoked = this.incidents.report("株式会社サンプル商事", revokedEmail, Language.JA, ClientType.CORPORATION);
		String expiredEmail = uniqueAddress("expired");
		Incident expired = this.incidents.report("株式会社サンプル商事", expiredEmail, Language.EN, ClientType.CORPORATION);
		this.sender.deliverDue();
		String revokedPath = statusPath(mailTo(this.smtp, revokedEmail).get(0));
		String expiredPath = statusPath(mailTo(this.smtp, expiredEmail).get(0));
		assertThat(status(revokedPath)).isEqualTo(HttpStatus.OK);
		assertThat(status(expiredPath)).isEqualTo(HttpStatus.OK);

		String revoke = "/api/notifications/incidents/" + revoked.id() + "/status-links";
		assertThat(this.anonymous.withBasicAuth("coordinator", "coordinator")
			.exchange(revoke, HttpMethod.DELETE, null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(revokedPath)).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> revokedByManager = this.anonymous.withBasicAuth("manager", "manager")
			.exchange(revoke, HttpMethod.DELETE, null, String.class);
		assertThat(revokedByManager.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(revokedByManager.getBody()).contains("\"revoked\":1");
		assertThat(status(revokedPath)).isEqualTo(HttpStatus.NOT_FOUND);

		// closed: the link still works for a while, then no more
		this.incidentService.close(expired.id());
		assertThat(status(expiredPath)).isEqualTo(HttpStatus.OK);
		Instant longAgo = Instant.now()
			.minus(this.properties.statusPage().expiresAfterClosure())
			.minus(1, ChronoUnit.MINUTES);
		this.jdbc.sql("UPDATE incident SET closed_at = ? WHERE id = ?")
			.params(longAgo.atOffset(ZoneOffset.UTC), expired.id())
			.update();
		assertThat(status(expiredPath)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(status(expiredPath + "/reports/1.pdf")).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldStoreOnlyTheHashOfTheToken() throws Exception {
		String email = uniqueAddress("hash");
		Incident incident = this.incidents.report("株式会社サンプル商事", email, Language.JA, ClientType.CORPORATION);
		this.sender.deliverDue();
		String token = statusPath(mailTo(this.smtp, email).get(0)).substring("/status/".length());

		List<String> stored = this.jdbc.sql("SELECT token_sha256 FROM status_link WHERE incident_id = ?")
			.param(incident.id())
			.query(String.class)
			.list();
		assertThat(stored).containsExactly(StatusLinks.sha256(token)).doesNotContain(token);
		assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
	}

	private HttpStatus status(String path) {
		return HttpStatus.valueOf(this.anonymous.getForEntity(path, String.class).getStatusCode().value());
	}

}
