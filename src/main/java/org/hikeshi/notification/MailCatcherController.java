package org.hikeshi.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The default run's mail catcher as a page for managers: every caught mail, newest first, with its text part.
 * Under {@code /api} so that it takes the API's HTTP Basic login (the browser asks); only with the catcher on.
 */
@Controller
@ConditionalOnProperty(name = "hikeshi.mail-catcher.enabled", havingValue = "true")
class MailCatcherController {

	private static final int LIMIT = 200;

	private final GreenMail mailCatcher;

	MailCatcherController(GreenMail mailCatcher) {
		this.mailCatcher = mailCatcher;
	}

	@GetMapping("/api/notifications/mail-catcher")
	String page(Model model, Authentication authentication) throws Exception {
		OutboxController.requireManager(authentication);
		List<CaughtMail> mails = new ArrayList<>();
		for (MimeMessage message : this.mailCatcher.getReceivedMessages()) {
			mails.add(new CaughtMail(
					message.getSentDate() == null ? "" : NotificationService.TIME.format(message.getSentDate().toInstant()),
					addresses(message.getFrom()), addresses(message.getAllRecipients()), message.getSubject(),
					text(message), attachments(message)));
		}
		mails.sort(Comparator.comparing(CaughtMail::sent).reversed());
		model.addAttribute("mails", mails.subList(0, Math.min(LIMIT, mails.size())));
		model.addAttribute("total", mails.size());
		return "mail-catcher";
	}

	private static String addresses(Address[] addresses) {
		return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
	}

	/** The first text/plain part. */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return part.getContent().toString();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static List<String> attachments(Part part) throws Exception {
		List<String> names = new ArrayList<>();
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			names.add(part.getFileName());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				names.addAll(attachments(multipart.getBodyPart(i)));
			}
		}
		return names;
	}

	record CaughtMail(String sent, String from, String to, String subject, String text, List<String> attachments) {
	}

}
