package org.hikeshi.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.IntakeRequest;
import org.hikeshi.incident.Language;
import org.hikeshi.incident.Prefecture;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the notification tests share: incidents reported through the real intake, their jobs run explicitly, service
 * tasks executed as the engine executes them (a delegate in a transaction), a local SMTP server on the test port.
 */
final class NotificationFixtures {

	/** {@code spring.mail.port} of the test profile. */
	static final int SMTP_PORT = org.hikeshi.TestSmtp.PORT;

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private NotificationFixtures() {
	}

	static GreenMail startSmtp() {
		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	/** An address no other test uses, so that tests sharing the application never see each other's mail. */
	static String uniqueAddress(String name) {
		return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.co.jp";
	}

	static IntakeRequest intake(String organization, String email, Language language, ClientType clientType) {
		return new IntakeRequest(organization, clientType, "山田 太郎", email, "03-1234-5678", Prefecture.TOKYO,
				OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(2), null, Set.of(IncidentType.RANSOMWARE),
				Set.of(DataCategory.GENERAL_PERSONAL), "ファイルサーバのファイルが開けなくなった", false, language);
	}

	static List<MimeMessage> mailTo(GreenMail smtp, String address) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			for (Address recipient : message.getAllRecipients()) {
				if (recipient.toString().equals(address)) {
					messages.add(message);
				}
			}
		}
		return messages;
	}

	/** The first part of this MIME type, searched depth first. */
	static Part part(Part part, String mimeType) throws Exception {
		if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return part;
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static String text(Part message) throws Exception {
		return part(message, "text/plain").getContent().toString();
	}

	static String html(Part message) throws Exception {
		return part(message, "text/html").getContent().toString();
	}

	static List<BodyPart> attachments(Part part) throws Exception {
		List<BodyPart> found = new ArrayList<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
					found.add(child);
				}
				else {
					found.addAll(attachments(child));
				}
			}
		}
		return found;
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The status link in a mail's text part. */
	static String statusPath(MimeMessage message) throws Exception {
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080(/status/[A-Za-z0-9_-]{43})")
			.matcher(text(message));
		if (!link.find()) {
			throw new AssertionError("no status link in " + message.getSubject());
		}
		return link.group(1);
	}

	/** Reports incidents and steps them as the engine does. */
	static class Incidents {

		private final IncidentService incidents;

		private final ManagementService managementService;

		private final ApplicationContext context;

		private final TransactionTemplate transaction;

		Incidents(IncidentService incidents, ManagementService managementService, ApplicationContext context,
				PlatformTransactionManager transactionManager) {
			this.incidents = incidents;
			this.managementService = managementService;
			this.context = context;
			this.transaction = new TransactionTemplate(transactionManager);
		}

		/** With the application's own beans. */
		static Incidents of(ApplicationContext context) {
			return new Incidents(context.getBean(IncidentService.class), context.getBean(ManagementService.class),
					context, context.getBean(PlatformTransactionManager.class));
		}

		/** An incident through the real intake; its receipt (or referral) mail queued by its job. */
		Incident report(String organization, String email, Language language, ClientType clientType) {
			Incident incident = this.incidents.intake(intake(organization, email, language, clientType));
			runJobs(incident.processInstanceId());
			return this.incidents.get(incident.id());
		}

		void runJobs(String processInstanceId) {
			for (int round = 0; round < 20; round++) {
				List<Job> jobs = this.managementService.createJobQuery()
					.processInstanceId(processInstanceId)
					.executable()
					.list();
				if (jobs.isEmpty()) {
					return;
				}
				jobs.forEach(job -> this.managementService.executeJob(job.getId()));
			}
			throw new AssertionError("jobs of " + processInstanceId + " keep coming");
		}

		/** Executes a service task's delegate bean in a transaction of its own, as the job executor would. */
		void execute(String delegateBean, long incidentId) {
			JavaDelegate delegate = this.context.getBean(delegateBean, JavaDelegate.class);
			DelegateExecution execution = mock(DelegateExecution.class);
			when(execution.getVariable(IncidentProcess.Variables.INCIDENT_ID)).thenReturn(incidentId);
			this.transaction.executeWithoutResult(status -> {
				try {
					delegate.execute(execution);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

		IncidentService service() {
			return this.incidents;
		}

	}

}
