package org.hikeshi.pricing;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuer printed on quotes and invoices ({@code hikeshi.pricing.*}). A registration number that is set but
 * malformed stops the application at start; a missing one, or a missing issuer name, lets it start (drafts need
 * neither) and fails the issue of a quote or invoice with a message naming the key.
 *
 * @param issuerName the provider's legal name (適格請求書発行事業者の氏名又は名称)
 * @param issuerAddress postal address printed under the name
 * @param issuerPhone phone number printed under the name
 * @param registrationNumber the qualified-invoice registration number (登録番号): {@code T} and 13 digits
 * @param taxRatePercent the standard consumption-tax rate in percent
 */
@ConfigurationProperties("hikeshi.pricing")
public record PricingProperties(String issuerName, String issuerAddress, String issuerPhone,
		String registrationNumber, @DefaultValue("10") int taxRatePercent) {

	static final Pattern REGISTRATION_NUMBER = Pattern.compile("T\\d{13}");

	public PricingProperties {
		registrationNumber = blankToNull(registrationNumber);
		issuerName = blankToNull(issuerName);
		if (registrationNumber != null && !REGISTRATION_NUMBER.matcher(registrationNumber).matches()) {
			throw new IllegalArgumentException("hikeshi.pricing.registration-number '" + registrationNumber
					+ "' is not a qualified-invoice registration number: it must be T followed by 13 digits, "
					+ "such as T1234567890123");
		}
		if (taxRatePercent < 0 || taxRatePercent > 100) {
			throw new IllegalArgumentException(
					"hikeshi.pricing.tax-rate-percent must be between 0 and 100, not " + taxRatePercent);
		}
	}

	/** The issuer of a document about to be issued; fails clearly when the configuration lacks it. */
	Issuer requireIssuer() {
		if (this.issuerName == null) {
			throw new PricingConfigurationException("hikeshi.pricing.issuer-name is not set: quotes and invoices "
					+ "must name their issuer. Set it to the provider's legal name.");
		}
		return new Issuer(this.issuerName, this.issuerAddress, this.issuerPhone);
	}

	/** The registration number of a document about to be issued; fails clearly when it is not configured. */
	String requireRegistrationNumber() {
		if (this.registrationNumber == null) {
			throw new PricingConfigurationException("hikeshi.pricing.registration-number is not set: a qualified "
					+ "invoice (適格請求書) must show the issuer's registration number, T followed by 13 digits. "
					+ "Set it before quotes or invoices are issued.");
		}
		return this.registrationNumber;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
