package org.hikeshi.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit trail for managers. */
@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "Audit", description = "Who did what and when (managers)")
@SecurityRequirement(name = "basic")
class AuditController {

	private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

	private final AuditService audit;

	AuditController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The audit trail, newest first",
			description = "Claims, completions, assignments, deployments and every other operation a user made in the "
					+ "engine (Tasklist, Cockpit, /engine-rest, our API), and every change made through our API. "
					+ "The last 7 days unless from/to say otherwise.")
	List<AuditEntry> list(
			@Parameter(description = "from (inclusive), ISO-8601; default 7 days before `to`") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@Parameter(description = "to (exclusive), ISO-8601; default now") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}",
					message = "must be a user id (letters, digits, . _ @ -, at most 64)") String user,
			@RequestParam(required = false) @Positive Long incidentId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		Instant end = to == null ? this.audit.now() : to.toInstant();
		Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from.toInstant();
		if (!start.isBefore(end)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
		}
		return this.audit.find(new AuditQuery(start, end, user, incidentId, limit));
	}

}
