package org.hikeshi.monitoring;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/incidents/{id}/alerts}: one alert of the IDS/IPS or SOC tool. {@code severity} is the sensor's,
 * 1 (lowest) to 10 (highest); {@code rawEvent} the tool's own event (any JSON), kept as it came.
 */
public record AlertRequest(
		@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String source,
		@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String signature,
		@NotNull SignatureClass signatureClass,
		@NotNull @Min(1) @Max(10) Integer severity,
		@NotNull OffsetDateTime occurredAt,
		JsonNode rawEvent) {
}
