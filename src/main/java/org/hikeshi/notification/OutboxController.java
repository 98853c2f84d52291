package org.hikeshi.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For managers: the mail outbox (failed mail above all), retrying a failed mail, revoking status links. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "Mail outbox and status links (managers)")
@SecurityRequirement(name = "basic")
class OutboxController {

	static final String MANAGERS = "GROUP_" + IncidentProcess.Groups.MANAGERS;

	private static final int LIMIT = 200;

	private final OutboxRepository outbox;

	private final OutboxSender sender;

	private final StatusLinks statusLinks;

	private final IncidentService incidents;

	private final Clock clock;

	OutboxController(OutboxRepository outbox, OutboxSender sender, StatusLinks statusLinks,
			IncidentService incidents, Clock clock) {
		this.outbox = outbox;
		this.sender = sender;
		this.statusLinks = statusLinks;
		this.incidents = incidents;
		this.clock = clock;
	}

	@GetMapping("/outbox")
	@Operation(summary = "Queued mail, newest first (at most 200); ?status=FAILED for the mail that needs a manager")
	List<OutboxEntry> list(@RequestParam(required = false) OutboxStatus status, Authentication authentication) {
		requireManager(authentication);
		List<OutboxMail> mails = status == null ? this.outbox.findAll(LIMIT) : this.outbox.findByStatus(status, LIMIT);
		return mails.stream().map(OutboxEntry::of).toList();
	}

	@PostMapping("/outbox/{id}/retry")
	@Operation(summary = "Sends a FAILED mail again from its first attempt; resolves its Cockpit incident")
	OutboxEntry retry(@PathVariable long id, Authentication authentication) {
		requireManager(authentication);
		OutboxMail mail = this.outbox.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail #" + id + " in the outbox"));
		if (!this.outbox.retry(id, this.clock.instant())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Mail #" + id + " is " + mail.status() + "; only FAILED mail can be retried");
		}
		this.sender.resolveIncident(mail);
		return OutboxEntry.of(this.outbox.find(id).orElseThrow());
	}

	@DeleteMapping("/incidents/{incidentId}/status-links")
	@Operation(summary = "Ends every status link of the incident mailed so far (later mail carries new ones)")
	Map<String, Integer> revokeStatusLinks(@PathVariable long incidentId, Authentication authentication) {
		requireManager(authentication);
		this.incidents.get(incidentId);
		return Map.of("revoked", this.statusLinks.revokeAll(incidentId));
	}

	static void requireManager(Authentication authentication) {
		boolean manager = authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(MANAGERS::equals);
		if (!manager) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only members of managers may do this");
		}
	}

}
