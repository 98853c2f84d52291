package org.hikeshi.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
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
import org.hikeshi.system.EngineAsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status mail to clients and alerts to managers. Nothing here talks to SMTP: each mail is rendered (bilingual,
 * the client's language first; text and HTML; the status link in client mail) and written to the outbox in the
 * caller's transaction, the job transaction of the asynchronous service task. {@link OutboxSender} delivers it.
 * The idempotency key (incident + event) makes a retried or replayed step find its mail already queued.
 */
@Service
public class NotificationService {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(JAPAN);

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final IncidentService incidents;

	private final ReportService reports;

	private final QuoteService quotes;

	private final InvoiceService invoices;

	private final MailTemplates templates;

	private final IdentityService identityService;

	private final NotificationProperties properties;

	private final OutboxRepository outbox;

	private final StatusLinks statusLinks;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	private final ApplicationEventPublisher events;

	NotificationService(IncidentService incidents, ReportService reports, QuoteService quotes,
			InvoiceService invoices, MailTemplates templates, IdentityService identityService,
			NotificationProperties properties, OutboxRepository outbox, StatusLinks statusLinks, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.incidents = incidents;
		this.reports = reports;
		this.quotes = quotes;
		this.invoices = invoices;
		this.templates = templates;
		this.identityService = identityService;
		this.properties = properties;
		this.outbox = outbox;
		this.statusLinks = statusLinks;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.events = events;
	}

	/** Queues the client's mail for this event of the incident, unless it is already queued. */
	@Transactional
	public void notifyClient(long incidentId, ClientNotification notification) {
		notifyClient(incidentId, notification, null, List.of(), Map.of());
	}

	/**
	 * Queues a client mail of an event that happens more than once (an alert, a monthly report), unless this
	 * {@code occurrence} is already queued. {@code recipients} replace the incident's contact when not empty;
	 * {@code details} go into the template's model.
	 */
	@Transactional
	public void notifyClient(long incidentId, ClientNotification notification, String occurrence,
			List<String> recipients, Map<String, Object> details) {
		String key = OutboxMail.key(incidentId, event(notification.name(), occurrence));
		if (this.outbox.exists(key)) {
			log.info("Mail {} is already in the outbox; a replayed step does not queue it again", key);
			return;
		}
		Incident incident = this.incidents.get(incidentId);
		List<InternetAddress> to = recipients.isEmpty() ? List.of(MailHeaders.address(incident.email()))
				: recipients.stream().distinct().map(MailHeaders::address).toList();
		Map<String, Object> model = model(incident);
		model.putAll(details);
		Report report = null;
		switch (notification) {
			case INCIDENT_RECEIVED -> {
				List<ImmediateAction> actions = ImmediateAction.forIncident(incident.incidentTypes());
				model.put("actionsJa", actions.stream().map(ImmediateAction::japanese).toList());
				model.put("actionsEn", actions.stream().map(ImmediateAction::english).toList());
			}
			case INITIAL_REPORT_READY -> report = latest(incident, ReportType.INITIAL);
			case FULL_REPORT_READY -> report = latest(incident, ReportType.FULL);
			// issuing is idempotent: a retried job mails the same quote number
			case QUOTE_ISSUED -> model.put("quote", this.quotes.issueQuote(incident.id()));
			case INCIDENT_CLOSED -> {
				report = latest(incident, ReportType.FINAL);
				model.put("invoice", this.invoices.getInvoice(incident.id()));
			}
			default -> {
			}
		}
		model.put("report", report);
		List<OutboxMail.Attachment> attachments = report == null ? List.of()
				: List.of(new OutboxMail.Attachment(report.id(), report.fileName(), report.contentType(),
						report.content()));
		String subject = subject(incident, notification.subjectJa(), notification.subjectEn());
		enqueue(key, incident, notification.name(), OutboxMail.Audience.CLIENT, to, attachments, () -> {
			String statusUrl = this.statusLinks.url(this.statusLinks.issue(incident.id()));
			model.put("statusUrl", statusUrl);
			return this.templates.bilingual(subject, notification.template(), incident.language(), model, statusUrl,
					this.properties.signature());
		});
	}

	/** Queues the managers' mail for this event of the incident, unless it is already queued. */
	@Transactional
	public void notifyManagers(long incidentId, ManagerNotification notification) {
		notifyManagers(incidentId, notification, null, Map.of());
	}

	/** Queues a managers' mail of an event that happens more than once, unless this {@code occurrence} is queued. */
	@Transactional
	public void notifyManagers(long incidentId, ManagerNotification notification, String occurrence,
			Map<String, Object> details) {
		String key = OutboxMail.key(incidentId, event(notification.name(), occurrence));
		if (this.outbox.exists(key)) {
			log.info("Mail {} is already in the outbox; a replayed step does not queue it again", key);
			return;
		}
		Incident incident = this.incidents.get(incidentId);
		List<InternetAddress> managers = new ArrayList<>();
		for (User user : EngineAsSystem.call(this.identityService,
				() -> this.identityService.createUserQuery().memberOfGroup(IncidentProcess.Groups.MANAGERS).list())) {
			String email = user.getEmail();
			if (email == null || email.isBlank()) {
				continue;
			}
			if (MailHeaders.isAddress(email)) {
				managers.add(MailHeaders.address(email));
			}
			else {
				log.warn("Manager {} has an invalid mail address; {} for {} does not go to them", user.getId(),
						notification, incident.reference());
			}
		}
		if (managers.isEmpty()) {
			throw new IllegalStateException("No member of group '" + IncidentProcess.Groups.MANAGERS
					+ "' has a valid e-mail address: " + notification + " for " + incident.reference()
					+ " cannot be sent");
		}
		String subject = subject(incident, notification.subjectJa(), notification.subjectEn());
		Map<String, Object> model = model(incident);
		model.putAll(details);
		enqueue(key, incident, notification.name(), OutboxMail.Audience.MANAGERS, managers, List.of(),
				() -> this.templates.bilingual(subject, notification.template(), incident.language(), model, null,
						this.properties.signature()));
	}

	/**
	 * Inserts the mail under a savepoint: when a concurrent transaction queued the same key first, the unique
	 * constraint refuses this one, the savepoint undoes it (status link included) and the caller's transaction
	 * goes on, on H2 as on PostgreSQL.
	 */
	private void enqueue(String key, Incident incident, String event, OutboxMail.Audience audience,
			List<InternetAddress> to, List<OutboxMail.Attachment> attachments, Renderer renderer) {
		try {
			this.savepoint.executeWithoutResult(status -> {
				MailTemplates.MailContent content = renderer.render();
				long id = this.outbox.insert(key, incident.id(), incident.processInstanceId(), event, audience,
						to.stream().map(InternetAddress::getAddress).toList(), content, attachments,
						this.clock.instant());
				log.info("Queued mail {} ({}) as outbox #{}", key, audience, id);
				this.events.publishEvent(new MailQueued(id));
			});
		}
		catch (DuplicateKeyException queuedConcurrently) {
			log.info("Mail {} was queued concurrently; not queued again", key);
		}
	}

	/** {@code [IR-2026-0001] 件名 / Subject}: the client's language first, no control characters. */
	private static String subject(Incident incident, String subjectJa, String subjectEn) {
		String both = incident.language() == Language.JA ? subjectJa + " / " + subjectEn
				: subjectEn + " / " + subjectJa;
		return MailHeaders.sanitize("[" + incident.reference() + "] " + both);
	}

	private static String event(String name, String occurrence) {
		return occurrence == null ? name : name + ":" + occurrence;
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

	@FunctionalInterface
	private interface Renderer {

		MailTemplates.MailContent render();

	}

	/** A mail was put into the outbox; its transaction may still roll it back. */
	record MailQueued(long outboxId) {
	}

}
