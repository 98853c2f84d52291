package org.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hikeshi.cluster.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Per incident only the first unsent mail may go out, so mail arrives in the order the process
 * queued it; a node claims a mail with one conditional update before sending, so two nodes never send the same
 * one. Up to {@code mails-per-connection} mails share one SMTP connection. A failed attempt waits (exponential backoff) and is retried; after {@code max-attempts} the mail is
 * {@code FAILED}: logged at ERROR, an incident {@code mailDelivery} on the process instance in Cockpit, listed at
 * {@code GET /api/notifications/outbox?status=FAILED} until a manager retries it.
 * <p>
 * The one gap no outbox closes: a node that dies after the SMTP server took a mail and before it is marked sent
 * sends it again when its claim expires. Such a repeat carries the same {@code Message-ID}.
 */
@Component
public class OutboxSender {

	static final String INCIDENT_TYPE = "mailDelivery";

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final OutboxRepository outbox;

	private final JavaMailSender mailSender;

	private final RuntimeService runtimeService;

	private final NotificationProperties properties;

	private final Clock clock;

	/** For every mail: a new map per mail reads every {@code mime.types} on the class path. */
	private final ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();

	/** What this node's claims are recorded under: its name and an id of this run ({@link ClusterNode#owner()}). */
	private final String node;

	OutboxSender(OutboxRepository outbox, JavaMailSender mailSender, RuntimeService runtimeService,
			NotificationProperties properties, Clock clock, ClusterNode node) {
		this.node = node.owner();
		this.fileTypes.afterPropertiesSet();
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.runtimeService = runtimeService;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends every mail that is due now, in order per incident; returns how many went out. */
	public int deliverDue() {
		return deliverDue(this.clock.instant());
	}

	/** As {@link #deliverDue()}, as if it were {@code now} (tests skip the backoff with it). */
	int deliverDue(Instant now) {
		int sent = 0;
		boolean progress = true;
		while (progress) {
			progress = false;
			List<OutboxMail> heads = this.outbox.dueHeads(now, this.properties.outbox().batchSize());
			int perConnection = this.properties.outbox().mailsPerConnection();
			for (int from = 0; from < heads.size(); from += perConnection) {
				int delivered = deliver(heads.subList(from, Math.min(heads.size(), from + perConnection)), now);
				sent += delivered;
				progress |= delivered > 0; // those incidents' next mail is now at the head
			}
		}
		return sent;
	}

	/**
	 * Claims the mails, then sends those it got over one SMTP connection (a connection per mail costs a TCP and
	 * often a TLS handshake, {@code EHLO} and {@code AUTH} each time: docs/performance.md). Claims are taken per
	 * connection, just before it is used, so a slow server delays only this group's claims. Returns how many were
	 * accepted by the server.
	 */
	private int deliver(List<OutboxMail> candidates, Instant now) {
		Map<MimeMessage, OutboxMail> messages = new LinkedHashMap<>();
		for (OutboxMail mail : candidates) {
			if (!this.outbox.claim(mail.id(), this.node, now, now.plus(this.properties.outbox().claimTimeout()))) {
				continue; // another node was first, or it is no longer due
			}
			try {
				messages.put(message(mail), mail);
			}
			catch (RuntimeException | MessagingException ex) {
				failed(mail, now, ex);
			}
		}
		if (messages.isEmpty()) {
			return 0;
		}
		Map<Object, Exception> failures = send(messages.keySet().toArray(MimeMessage[]::new));
		int sent = 0;
		for (Map.Entry<MimeMessage, OutboxMail> entry : messages.entrySet()) {
			Exception failure = failures.get(entry.getKey());
			if (failure != null) {
				failed(entry.getValue(), now, failure);
			}
			else {
				sent(entry.getValue());
				sent++;
			}
		}
		return sent;
	}

	/** Sends over one connection; returns the messages the server did not accept, each with its reason. */
	private Map<Object, Exception> send(MimeMessage[] messages) {
		try {
			this.mailSender.send(messages);
			return Map.of();
		}
		catch (MailSendException ex) {
			// per message; empty when all were accepted and only closing the connection failed
			return ex.getFailedMessages();
		}
		catch (RuntimeException ex) {
			// authentication refused, or nothing could be sent at all: every message failed for the same reason
			Map<Object, Exception> all = new IdentityHashMap<>();
			for (MimeMessage message : messages) {
				all.put(message, ex);
			}
			return all;
		}
	}

	private void sent(OutboxMail mail) {
		if (!this.outbox.markSent(mail.id(), this.node, this.clock.instant())) {
			log.warn("Outbox #{} ({}) was sent, but its claim had expired and another node took it over",
					mail.id(), mail.idempotencyKey());
		}
		log.info("Sent outbox #{} ({}) to {}", mail.id(), mail.idempotencyKey(), mail.recipients());
	}

	private void failed(OutboxMail mail, Instant now, Exception ex) {
		int attempts = mail.attempts() + 1;
		String error = abbreviate(ex.getClass().getSimpleName() + ": " + rootMessage(ex));
		if (attempts < this.properties.outbox().maxAttempts()) {
			Instant next = now.plus(this.properties.outbox().backoff(attempts));
			log.warn("Outbox #{} ({}) attempt {} of {} failed, next at {}: {}", mail.id(), mail.idempotencyKey(),
					attempts, this.properties.outbox().maxAttempts(), next, error);
			this.outbox.markRetry(mail.id(), this.node, next, error);
			return;
		}
		this.outbox.markFailed(mail.id(), this.node, error);
		String message = "Mail " + mail.idempotencyKey() + " (outbox #" + mail.id() + ") failed " + attempts
				+ " times: " + error;
		log.error("{}. Later mail of incident {} waits until a manager retries it: "
				+ "POST /api/notifications/outbox/{}/retry", message, mail.incidentId(), mail.id(), ex);
		String incidentId = raiseIncident(mail, message);
		if (incidentId != null) {
			this.outbox.recordCamundaIncident(mail.id(), incidentId);
		}
	}

	/** An incident in Cockpit on the process instance, if it still runs; the configuration is the outbox id. */
	private String raiseIncident(OutboxMail mail, String message) {
		if (mail.processInstanceId() == null) {
			return null;
		}
		try {
			ProcessInstance instance = this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(mail.processInstanceId())
				.singleResult();
			if (instance == null) {
				return null;
			}
			Incident incident = this.runtimeService.createIncident(INCIDENT_TYPE, instance.getId(),
					String.valueOf(mail.id()), abbreviate(message));
			return incident.getId();
		}
		catch (ProcessEngineException ex) {
			log.error("Could not raise a Cockpit incident for outbox #{}", mail.id(), ex);
			return null;
		}
	}

	/** Resolves the Cockpit incident of a mail a manager retries, if it is still open. */
	void resolveIncident(OutboxMail mail) {
		if (mail.camundaIncidentId() == null) {
			return;
		}
		try {
			this.runtimeService.resolveIncident(mail.camundaIncidentId());
		}
		catch (ProcessEngineException alreadyGone) {
			log.info("Cockpit incident {} of outbox #{} is no longer open", mail.camundaIncidentId(), mail.id());
		}
	}

	private MimeMessage message(OutboxMail mail) throws MessagingException {
		Session session = this.mailSender.createMimeMessage().getSession();
		MimeMessage message = new OutboxMimeMessage(session, messageId(mail));
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
				StandardCharsets.UTF_8.name()) {

			@Override
			protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
				return OutboxSender.this.fileTypes;
			}

		};
		InternetAddress from = MailHeaders.address(this.properties.from());
		try {
			helper.setFrom(from.getAddress(), from.getPersonal() == null ? null : MailHeaders.sanitize(from.getPersonal()));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
		helper.setTo(mail.recipients().stream().map(MailHeaders::address).toArray(InternetAddress[]::new));
		helper.setSubject(MailHeaders.sanitize(mail.subject()));
		helper.setText(mail.textBody(), mail.htmlBody());
		for (OutboxMail.Attachment attachment : this.outbox.attachments(mail.id())) {
			helper.addAttachment(MailHeaders.sanitize(attachment.fileName()),
					new ByteArrayResource(attachment.content()), MailHeaders.sanitize(attachment.contentType()));
		}
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	/** The same for every attempt at one mail: a receiver can tell a repeat. */
	private String messageId(OutboxMail mail) {
		String from = MailHeaders.address(this.properties.from()).getAddress();
		String domain = from.substring(from.indexOf('@') + 1);
		return "<hikeshi.outbox." + mail.id() + "." + mail.incidentId() + "." + mail.event().toLowerCase() + "@"
				+ domain + ">";
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root == ex ? ex.getMessage() : ex.getMessage() + " (" + root.getMessage() + ")";
		return MailHeaders.sanitize(message);
	}

	private static String abbreviate(String text) {
		return text.length() <= 900 ? text : text.substring(0, 900) + "…";
	}

	/** A message whose {@code Message-ID} is ours, not a new random one on every save. */
	private static final class OutboxMimeMessage extends MimeMessage {

		private final String messageId;

		OutboxMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
