package org.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.Language;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The client's read-only status page, reached without login through the token in their mail: phase, the mail they
 * were sent, the reports they were sent. Nothing internal: no notes, no task data, no other incident. Unknown,
 * revoked and expired tokens are all the same 404.
 */
@Controller
class StatusPageController {

	private final StatusLinks statusLinks;

	private final OutboxRepository outbox;

	StatusPageController(StatusLinks statusLinks, OutboxRepository outbox) {
		this.statusLinks = statusLinks;
		this.outbox = outbox;
	}

	@GetMapping("/status/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
			HttpServletResponse response) {
		Incident incident = incident(token);
		Language language = lang == null ? incident.language() : language(lang, incident.language());
		boolean ja = language == Language.JA;
		noStore(response);
		List<TimelineItem> timeline = new ArrayList<>();
		timeline.add(new TimelineItem(NotificationService.TIME.format(incident.contactedAt()),
				ja ? "ご連絡を受け付けました" : "We received your call"));
		this.outbox.findByIncident(incident.id())
			.stream()
			.filter(mail -> mail.audience() == OutboxMail.Audience.CLIENT && mail.status() == OutboxStatus.SENT)
			.sorted((a, b) -> a.sentAt().compareTo(b.sentAt()))
			.forEach(mail -> timeline.add(new TimelineItem(NotificationService.TIME.format(mail.sentAt()),
					(ja ? "メール送付: " : "Mail sent: ") + event(mail.event(), ja))));
		List<ReportItem> reports = this.outbox.clientReports(incident.id())
			.stream()
			.map(r -> new ReportItem("/status/" + token + "/reports/" + r.reportId() + ".pdf", r.fileName(),
					r.sentAt() == null ? "" : NotificationService.TIME.format(r.sentAt())))
			.toList();
		model.addAttribute("ja", ja);
		model.addAttribute("lang", language.code());
		model.addAttribute("reference", incident.reference());
		model.addAttribute("phase", ja ? incident.phase().japaneseName() : incident.phase().englishName());
		model.addAttribute("phaseCode", incident.phase().name());
		model.addAttribute("timeline", timeline);
		model.addAttribute("reports", reports);
		model.addAttribute("jaUrl", "/status/" + token + "?lang=ja");
		model.addAttribute("enUrl", "/status/" + token + "?lang=en");
		return "status";
	}

	@GetMapping("/status/{token}/reports/{reportId}.pdf")
	ResponseEntity<byte[]> report(@PathVariable String token, @PathVariable long reportId,
			HttpServletResponse response) {
		Incident incident = incident(token);
		OutboxMail.Attachment report = this.outbox.clientReport(incident.id(), reportId).orElseThrow(StatusPageController::notFound);
		noStore(response);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(report.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(MailHeaders.sanitize(report.fileName()), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(report.content());
	}

	private Incident incident(String token) {
		return this.statusLinks.resolve(token).orElseThrow(StatusPageController::notFound);
	}

	/** The token is in the address: keep it out of caches, referrers and search engines. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
	}

	private static String event(String event, boolean ja) {
		try {
			ClientNotification notification = ClientNotification.valueOf(event);
			return ja ? notification.subjectJa() : notification.subjectEn();
		}
		catch (IllegalArgumentException notAClientEvent) {
			return event;
		}
	}

	private static Language language(String code, Language fallback) {
		try {
			return Language.fromCode(code);
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/** A plain bilingual page, the same for unknown, revoked and expired links and for reports not there. */
	@ExceptionHandler(StatusNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(HttpServletResponse response) {
		noStore(response);
		return "status-not-found";
	}

	private static StatusNotFoundException notFound() {
		return new StatusNotFoundException();
	}

	private static final class StatusNotFoundException extends RuntimeException {

		StatusNotFoundException() {
			super("No such status page", null, false, false);
		}

	}

	record TimelineItem(String at, String text) {
	}

	record ReportItem(String url, String fileName, String sentAt) {
	}

}
