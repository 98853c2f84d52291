package org.hikeshi.incident;

import java.time.OffsetDateTime;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the provider asks on the phone (ご用命の際は): the intake of the start form and of
 * {@code POST /api/incidents}. Single-line values may not contain control characters (they end up in mail headers).
 */
@Schema(description = "An incident reported by a client: the intake items of the service")
public record IntakeRequest(
		@Schema(example = "株式会社サンプル商事") @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE,
				message = MSG_SINGLE_LINE) String organization,
		@NotNull ClientType clientType,
		@Schema(example = "山田 太郎") @NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE,
				message = MSG_SINGLE_LINE) String contactName,
		@Schema(example = "yamada@example.co.jp") @NotBlank @Size(max = 254) @Email(regexp = EMAIL,
				message = "must be a valid e-mail address such as name@example.co.jp") String email,
		@Schema(example = "03-1234-5678") @NotBlank @Pattern(regexp = PHONE,
				message = "must be a phone number: digits, spaces, hyphens, parentheses, an optional leading +") String phone,
		@Schema(type = "string", example = "Tokyo",
				description = "prefecture of the site, English (Tokyo) or Japanese (東京都) name") @NotNull Prefecture prefecture,
		@Schema(example = "2026-11-20T09:30:00+09:00") @NotNull @PastOrPresent OffsetDateTime discoveredAt,
		@Schema(description = "when the client contacted the provider; the dispatch SLA counts from here; defaults to now")
		@PastOrPresent OffsetDateTime contactedAt,
		@NotEmpty Set<@NotNull IncidentType> incidentTypes,
		@NotEmpty Set<@NotNull DataCategory> dataCategories,
		@Schema(description = "how it was noticed and what has been done so far, in order") @NotBlank @Size(
				max = 4000) String discoveryNarrative,
		@NotNull Boolean insiderSuspected,
		@Schema(type = "string", allowableValues = { "ja", "en" }) @NotNull Language language) {

	static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

	static final String MSG_SINGLE_LINE = "must be a single line without control characters";

	static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

	static final String PHONE = "\\+?[0-9][0-9 ()-]{5,24}";

	@Schema(hidden = true)
	@AssertTrue(message = "NONE and UNKNOWN cannot be combined with other data categories")
	public boolean isDataCategoriesConsistent() {
		if (this.dataCategories == null || this.dataCategories.size() < 2) {
			return true;
		}
		return !this.dataCategories.contains(DataCategory.NONE) && !this.dataCategories.contains(DataCategory.UNKNOWN);
	}

	@Schema(hidden = true)
	@AssertTrue(message = "discoveredAt cannot be after contactedAt")
	public boolean isDiscoveredBeforeContact() {
		return this.discoveredAt == null || this.contactedAt == null || !this.discoveredAt.isAfter(this.contactedAt);
	}

	/** This request with the contact time filled in. */
	IntakeRequest contactedAtOrDefault(OffsetDateTime now) {
		if (this.contactedAt != null) {
			return this;
		}
		return new IntakeRequest(this.organization, this.clientType, this.contactName, this.email, this.phone,
				this.prefecture, this.discoveredAt, now, this.incidentTypes, this.dataCategories,
				this.discoveryNarrative, this.insiderSuspected, this.language);
	}

}
