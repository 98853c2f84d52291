package org.hikeshi.pricing;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer configuration as Spring Boot binds it from hikeshi.pricing.*. */
class PricingPropertiesTests {

	private static PricingProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("hikeshi.pricing",
				PricingProperties.class);
	}

	@Test
	void bindsTheDemoValues() {
		PricingProperties properties = bind(Map.of("hikeshi.pricing.issuer-name", "株式会社ヒケシ",
				"hikeshi.pricing.issuer-address", "神奈川県横浜市西区1-2-3", "hikeshi.pricing.issuer-phone",
				"045-000-0000", "hikeshi.pricing.registration-number", "T1234567890123"));

		assertThat(properties.requireRegistrationNumber()).isEqualTo("T1234567890123");
		assertThat(properties.requireIssuer()).isEqualTo(new Issuer("株式会社ヒケシ", "神奈川県横浜市西区1-2-3", "045-000-0000"));
		assertThat(properties.taxRatePercent()).isEqualTo(10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234567890123", "T123456789012", "T12345678901234", "t1234567890123", "T12345678901X3",
			"T１２３４５６７８９０１２３" })
	void malformedRegistrationNumberStopsTheStart(String number) {
		assertThatThrownBy(() -> bind(Map.of("hikeshi.pricing.registration-number", number)))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("hikeshi.pricing.registration-number '" + number
					+ "' is not a qualified-invoice registration number: it must be T followed by 13 digits");
	}

	@Test
	void missingRegistrationNumberFailsWhenADocumentIsIssued() {
		PricingProperties properties = bind(Map.of("hikeshi.pricing.issuer-name", "株式会社ヒケシ"));

		assertThatThrownBy(properties::requireRegistrationNumber).isInstanceOf(PricingConfigurationException.class)
			.hasMessageContaining("hikeshi.pricing.registration-number is not set")
			.hasMessageContaining("T followed by 13 digits");
	}

	@Test
	void missingIssuerNameFailsWhenADocumentIsIssued() {
		PricingProperties properties = bind(Map.of("hikeshi.pricing.registration-number", " "));

		assertThatThrownBy(properties::requireIssuer).isInstanceOf(PricingConfigurationException.class)
			.hasMessageContaining("hikeshi.pricing.issuer-name is not set");
		assertThatThrownBy(properties::requireRegistrationNumber).isInstanceOf(PricingConfigurationException.class);
	}

	@Test
	void taxRateOutOfRangeIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("hikeshi.pricing.tax-rate-percent", "110")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("tax-rate-percent must be between 0 and 100");
	}

}
