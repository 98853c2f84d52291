package org.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;
import org.hikeshi.pricing.InvoiceService;
import org.hikeshi.pricing.QuoteService;
import org.hikeshi.reporting.Report;
import org.hikeshi.reporting.ReportService;
import org.hikeshi.reporting.ReportType;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Status mail to clients and alerts to managers. Each mail is bilingual: the client's language first, the other
 * after it. Called from asynchronous service tasks, so a failing SMTP server becomes a retried job and, at the
 * end of its retries, an incident in Cockpit, never a rolled-back task completion.
 */
@Service
public class NotificationService {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(JAPAN);

	private final IncidentService incidents;

	private final ReportService reports;

	private final JavaMailSender mailSender;

	private final MailTemplates templates;

	private final IdentityService identityService;

	private final QuoteService quotes;

	private final InvoiceService invoices;

	private final NotificationProperties properties;

	NotificationService(IncidentService incidents, ReportService reports, QuoteService quotes,
			InvoiceService invoices, JavaMailSender mailSender, MailTemplates templates,
			IdentityService identityService, NotificationProperties properties) {
		this.incidents = incidents;
		this.reports = reports;
		this.quotes = quotes;
		this.invoices = invoices;
		this.mailSender = mailSender;
		this.templates = templates;
		this.identityService = identityService;
		this.properties = properties;
	}

	public void notifyClient(long incidentId, ClientNotification notification) {
		Incident incident = this.incidents.get(incidentId);
		Map<String, Object> model = model(incident);
		Report attachment = null;
		switch (notification) {
			case INCIDENT_RECEIVED -> {
				List<ImmediateAction> actions = ImmediateAction.forIncident(incident.incidentTypes());
				model.put("actionsJa", actions.stream().map(ImmediateAction::japanese).toList());
				model.put("actionsEn", actions.stream().map(ImmediateAction::english).toList());
			}
			case INITIAL_REPORT_READY -> attachment = latest(incident, ReportType.INITIAL);
			case FULL_REPORT_READY -> attachment = latest(incident, ReportType.FULL);
			// issuing is idempotent: a retried job mails the same quote number
			case QUOTE_ISSUED -> model.put("quote", this.quotes.issueQuote(incident.id()));
			case INCIDENT_CLOSED -> {
				attachment = latest(incident, ReportType.FINAL);
				model.put("invoice", this.invoices.getInvoice(incident.id()));
			}
			default -> {
			}
		}
		model.put("report", attachment);
		send(List.of(incident.email()), incident, notification.subjectJa(), notification.subjectEn(),
				notification.template(), model, attachment);
	}

	public void notifyManagers(long incidentId, ManagerNotification notification) {
		Incident incident = this.incidents.get(incidentId);
		List<String> managers = this.identityService.createUserQuery()
			.memberOfGroup(IncidentProcess.Groups.MANAGERS)
			.list()
			.stream()
			.map(User::getEmail)
			.filter(email -> email != null && !email.isBlank())
			.toList();
		if (managers.isEmpty()) {
			throw new IllegalStateException("No member of group '" + IncidentProcess.Groups.MANAGERS
					+ "' has an e-mail address: " + notification + " for " + incident.reference() + " cannot be sent");
		}
		send(managers, incident, notification.subjectJa(), notification.subjectEn(), notification.template(),
				model(incident), null);
	}

	private Report latest(Incident incident, ReportType type) {
		return this.reports.latest(incident.id(), type)
			.orElseThrow(() -> new IllegalStateException(type + " report of " + incident.reference() + " not found"));
	}

	private Map<String, Object> model(Incident incident) {
		Map<String, Object> model = new HashMap<>();
		model.put("incident", incident);
		model.put("contactedAt", TIME.format(incident.contactedAt()));
		model.put("dispatchDueAt", TIME.format(incident.dispatchDueAt()));
		model.put("dispatchedAt", incident.dispatchedAt() == null ? null : TIME.format(incident.dispatchedAt()));
		model.put("signature", this.properties.signature());
		return model;
	}

	private void send(List<String> to, Incident incident, String subjectJa, String subjectEn, String template,
			Map<String, Object> model, Report attachment) {
		Language first = incident.language();
		Language second = first == Language.JA ? Language.EN : Language.JA;
		String body = this.templates.render(template, first, model) + "\n\n----------------------------------------\n\n"
				+ this.templates.render(template, second, model) + "\n--\n" + this.properties.signature();
		String subject = "[" + incident.reference() + "] "
				+ (first == Language.JA ? subjectJa + " / " + subjectEn : subjectEn + " / " + subjectJa);
		try {
			MimeMessage message = this.mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from());
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject(subject);
			helper.setText(body, false);
			if (attachment != null) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			this.mailSender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Mail '" + subject + "' could not be prepared", ex);
		}
	}

}
