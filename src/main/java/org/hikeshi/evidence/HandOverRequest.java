package org.hikeshi.evidence;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/incidents/{id}/evidence/{itemNo}/handovers}: the item passes to someone else. {@code from} is
 * optional: it defaults to the current custodian and, when given, must be them.
 */
public record HandOverRequest(@Size(max = 200) String from, @NotBlank @Size(max = 200) String to,
		@NotNull @PastOrPresent OffsetDateTime at, @NotBlank @Size(max = 1000) String reason) {
}
