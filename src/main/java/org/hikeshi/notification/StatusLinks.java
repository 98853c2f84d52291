package org.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentNotFoundException;
import org.hikeshi.incident.IncidentService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links to the read-only status page of an incident: a 256-bit random token, URL-safe base64, of which only the
 * SHA-256 is stored. Each client mail carries a link of its own; revoking ends all links of an incident. A link
 * stops working {@code expires-after-closure} after the incident is closed, and {@code max-age} after it was
 * issued at the latest.
 */
@Component
class StatusLinks {

	private static final int TOKEN_BYTES = 32;

	/** 32 bytes in URL-safe base64 without padding. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final IncidentService incidents;

	private final NotificationProperties properties;

	private final Clock clock;

	StatusLinks(JdbcClient jdbc, IncidentService incidents, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new token for the incident, stored hashed in the caller's transaction; only the mail holds the token. */
	String issue(long incidentId) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("INSERT INTO status_link (incident_id, token_sha256, created_at) VALUES (?, ?, ?)")
			.params(incidentId, sha256(token), this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return token;
	}

	String url(String token) {
		return this.properties.baseUrl() + "/status/" + token;
	}

	/** The incident a token opens, unless the token is unknown, revoked or expired. */
	Optional<Incident> resolve(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("SELECT incident_id, created_at FROM status_link WHERE token_sha256 = ? AND revoked_at IS NULL")
			.param(sha256(token))
			.query((rs, row) -> new Link(rs.getLong("incident_id"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional()
			.filter(link -> now.isBefore(link.createdAt().plus(this.properties.statusPage().maxAge())))
			.flatMap(link -> incident(link.incidentId()))
			.filter(incident -> incident.closedAt() == null
					|| now.isBefore(incident.closedAt().plus(this.properties.statusPage().expiresAfterClosure())));
	}

	/** Ends every link of the incident issued so far; returns how many were still active. */
	int revokeAll(long incidentId) {
		return this.jdbc.sql("UPDATE status_link SET revoked_at = ? WHERE incident_id = ? AND revoked_at IS NULL")
			.params(this.clock.instant().atOffset(ZoneOffset.UTC), incidentId)
			.update();
	}

	private Optional<Incident> incident(long id) {
		try {
			return Optional.of(this.incidents.get(id));
		}
		catch (IncidentNotFoundException ex) {
			return Optional.empty();
		}
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record Link(long incidentId, Instant createdAt) {
	}

}
