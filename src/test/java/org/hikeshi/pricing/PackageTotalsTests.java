package org.hikeshi.pricing;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published price example comes out of the seed catalog to the yen. */
class PackageTotalsTests {

	private final Catalog catalog = PricingFixtures.seedCatalog();

	static Stream<Arguments> publishedExamples() {
		return Stream.of(Arguments.of("PHONE_CONSULTATION", 0L), Arguments.of("RANSOMWARE_RECOVERY", 90_000L),
				Arguments.of("WEBSITE_TAMPERING", 800_000L), Arguments.of("LEAK_EVIDENCE_FOR_LITIGATION", 480_000L),
				Arguments.of("MAIL_SERVER_COMPROMISE", 180_000L),
				Arguments.of("RANSOMWARE_INVESTIGATION_RECOVERY", 320_000L),
				Arguments.of("LEAK_RECURRENCE_PREVENTION", 2_480_000L),
				Arguments.of("INSIDER_LEAK_EVIDENCE", 520_000L));
	}

	@ParameterizedTest(name = "{0} = {1} yen")
	@MethodSource("publishedExamples")
	void packageReproducesItsPublishedPrice(String code, long publishedPrice) {
		PricedPackage priced = CatalogService.price(this.catalog, this.catalog.findPackage(code).orElseThrow(), 10);

		assertThat(priced.subtotal()).isEqualTo(publishedPrice);
		assertThat(priced.advertisedPrice()).isEqualTo(publishedPrice);
		assertThat(priced.lines().stream().mapToLong(PricedLine::amount).sum()).isEqualTo(publishedPrice);
		assertThat(priced.consumptionTax()).isEqualTo(publishedPrice / 10);
		assertThat(priced.total()).isEqualTo(publishedPrice + publishedPrice / 10);
	}

	@Test
	void catalogHasExactlyThePublishedPackages() {
		assertThat(this.catalog.packages()).extracting(CatalogPackage::code)
			.containsExactlyInAnyOrderElementsOf(publishedExamples().map(a -> (String) a.get()[0]).toList());
	}

	@Test
	void fullLeakSetBillsFourTerminals() {
		PricedPackage set = CatalogService.price(this.catalog,
				this.catalog.findPackage("LEAK_RECURRENCE_PREVENTION").orElseThrow(), 10);

		assertThat(set.lines()).filteredOn(l -> l.code().equals("TERMINAL_INVESTIGATION"))
			.singleElement()
			.satisfies(l -> {
				assertThat(l.quantity()).isEqualTo(4);
				assertThat(l.unitPrice()).isEqualTo(350_000);
				assertThat(l.amount()).isEqualTo(1_400_000);
			});
	}

	@Test
	void catalogCoversEveryMenuItemOfTheSeedDocuments() {
		assertThat(this.catalog.items()).extracting(CatalogItem::code)
			.contains("ONSITE_SURVEY", "TRACE_DATA_ANALYSIS", "INITIAL_ADVICE", "INITIAL_REPORT",
					"EVIDENCE_PRESERVATION", "DETAILED_ANALYSIS", "COUNTERMEASURE_PLAN", "FULL_REPORT_DEBRIEF",
					"IDS_IPS_INSTALLATION", "REMOTE_MONITORING", "ALERT_ANALYSIS", "APOLOGY_QA_SUPPORT",
					"MEDIA_AUTHORITY_SUPPORT", "RESPONSE_HEADQUARTERS", "SYSTEM_RECOVERY_SUPPORT",
					"SECURITY_HARDENING", "INQUIRY_HANDLING", "EMPLOYEE_TRAINING", "PHONE_HEARING",
					"EMERGENCY_PROCEDURE_ADVICE", "CAUSE_INVESTIGATION_SUPPORT", "BUSINESS_RECOVERY_SUPPORT",
					"TAMPERING_INVESTIGATION", "DATA_RECOVERY", "WEBSITE_VULNERABILITY_ASSESSMENT",
					"OBSERVATION_PERIOD", "MAIL_SERVER_MIGRATION", "LEAK_CAUSE_INVESTIGATION",
					"DAMAGE_NOTICE_SUPPORT", "LOG_EVIDENCE_PRESERVATION", "TERMINAL_INVESTIGATION",
					"FORENSIC_EVIDENCE_PRESERVATION", "STAKEHOLDER_LIAISON", "RECURRENCE_PREVENTION_PROPOSAL");
		assertThat(this.catalog.items()).allSatisfy(item -> {
			assertThat(item.nameJa()).isNotBlank();
			assertThat(item.nameEn()).isNotBlank();
			assertThat(item.unitPrice()).isNotNegative();
		});
	}

}
