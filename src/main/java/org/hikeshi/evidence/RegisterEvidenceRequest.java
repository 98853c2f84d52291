package org.hikeshi.evidence;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** {@code POST /api/incidents/{id}/evidence}: an item as collected. */
public record RegisterEvidenceRequest(@NotNull EvidenceKind kind,
		@NotBlank @Size(max = 1000) String description,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String collectedBy,
		@NotNull @PastOrPresent OffsetDateTime collectedAt,
		@NotBlank @Size(max = 300) String location,
		@NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 in hex (64 characters)") String sha256) {
}
