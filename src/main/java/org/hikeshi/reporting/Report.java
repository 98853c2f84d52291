package org.hikeshi.reporting;

import java.time.Instant;

import org.hikeshi.incident.Language;

/** One stored version of a report, with the SHA-256 of its content. */
public record Report(long id, long incidentId, ReportType type, int version, Language language, String fileName,
		String contentType, byte[] content, String sha256, Instant createdAt, String createdByActivity) {
}
