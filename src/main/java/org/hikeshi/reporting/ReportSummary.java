package org.hikeshi.reporting;

import java.time.Instant;

import org.hikeshi.incident.Language;

/** A stored report version without its content: what lists show. {@code size} in bytes. */
public record ReportSummary(long id, long incidentId, ReportType type, int version, Language language,
		String fileName, String contentType, long size, String sha256, Instant createdAt, String createdByActivity) {
}
