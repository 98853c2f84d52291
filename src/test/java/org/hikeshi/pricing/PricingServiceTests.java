package org.hikeshi.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.Prefecture;
import org.hikeshi.incident.ResponsePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.Mockito.when;

/**
 * The pricing services against a real database migrated by Flyway (V1 incidents, V2 pricing): drafts, adjustments,
 * issue, expenses, invoices and catalog versions, with the decision evaluated from the DMN file.
 */
@JdbcTest(properties = { "hikeshi.pricing.issuer-name=株式会社ヒケシ", "hikeshi.pricing.issuer-address=神奈川県横浜市西区1-2-3",
		"hikeshi.pricing.issuer-phone=045-000-0000", "hikeshi.pricing.registration-number=T1234567890123" })
@Import({ CatalogService.class, CatalogRepository.class, CatalogSeeder.class, QuoteService.class,
		QuoteRepository.class, InvoiceService.class, InvoiceRepository.class, PricingServiceTests.Config.class })
class PricingServiceTests {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PricingProperties.class)
	static class Config {

		@Bean
		Clock clock() {
			return Clock.fixed(PricingFixtures.NOW, ZoneOffset.UTC);
		}

		@Bean
		ProposalDecision proposalDecision() {
			DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
			return new ProposalDecision(PricingFixtures.evaluator(engine, PricingFixtures.parseDecision(engine)));
		}

	}

	@MockitoBean
	IncidentService incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QuoteService quotes;

	@Autowired
	InvoiceService invoices;

	@Autowired
	CatalogService catalogs;

	@Autowired
	QuoteRepository quoteRepository;

	@Autowired
	ProposalDecision decision;

	@Autowired
	Clock clock;

	private Incident osakaRansomware;

	private Incident tokyoInsiderLeak;

	@BeforeEach
	void incidents() {
		this.osakaRansomware = incident(PricingFixtures.incident(1, Prefecture.OSAKA, Set.of(IncidentType.RANSOMWARE),
				Set.of(DataCategory.NONE), false));
		this.tokyoInsiderLeak = incident(PricingFixtures.incident(2, Prefecture.TOKYO, Set.of(IncidentType.OTHER),
				Set.of(DataCategory.NONE), true));
	}

	private Incident incident(Incident incident) {
		PricingFixtures.insertIncidentRow(this.jdbc, incident);
		when(this.incidents.get(incident.id())).thenReturn(incident);
		return incident;
	}

	private static ProposalRequest recoveryFirst() {
		return new ProposalRequest(ResponsePolicy.RECOVERY_FIRST, false, false, 0);
	}

	@Test
	void seederPublishedCatalogVersionOne() {
		Catalog catalog = this.catalogs.current();

		assertThat(catalog.version()).isEqualTo(1);
		assertThat(catalog.publishedBy()).isEqualTo("system");
		assertThat(catalog.items()).hasSize(36);
		assertThat(this.catalogs.currentPackages()).extracting(PricedPackage::code, PricedPackage::subtotal)
			.containsExactly(tuple("PHONE_CONSULTATION", 0L), tuple("RANSOMWARE_RECOVERY", 90_000L),
					tuple("WEBSITE_TAMPERING", 800_000L), tuple("LEAK_EVIDENCE_FOR_LITIGATION", 480_000L),
					tuple("MAIL_SERVER_COMPROMISE", 180_000L), tuple("RANSOMWARE_INVESTIGATION_RECOVERY", 320_000L),
					tuple("LEAK_RECURRENCE_PREVENTION", 2_480_000L), tuple("INSIDER_LEAK_EVIDENCE", 520_000L));
	}

	@Test
	void draftIsProposedByTheDecisionAndPricedFromTheCatalog() {
		Quote quote = this.quotes.prepareDraft(1, recoveryFirst());

		assertThat(quote.status()).isEqualTo(QuoteStatus.DRAFT);
		assertThat(quote.number()).isEqualTo("Q-IR-2026-0001");
		assertThat(quote.catalogVersion()).isEqualTo(1);
		assertThat(quote.recipient()).isEqualTo(new Recipient("株式会社テスト1", "山田 太郎"));
		assertThat(quote.issueDate()).isNull();
		assertThat(quote.lines()).extracting(PricedLine::code, PricedLine::quantity, PricedLine::amount)
			.containsExactly(tuple("PHONE_HEARING", 1, 0L), tuple("EMERGENCY_PROCEDURE_ADVICE", 1, 0L),
					tuple("CAUSE_INVESTIGATION_SUPPORT", 1, 30_000L), tuple("BUSINESS_RECOVERY_SUPPORT", 1, 60_000L));
		assertThat(quote.subtotal()).isEqualTo(90_000);
		assertThat(quote.consumptionTax()).isEqualTo(9_000);
		assertThat(quote.total()).isEqualTo(99_000);
		assertThat(this.quotes.findQuote(1)).contains(quote);
	}

	@Test
	void insiderLeakCaseComesToCase2Price() {
		Quote quote = this.quotes.prepareDraft(2, new ProposalRequest(ResponsePolicy.EVIDENCE_FIRST, false, false, 0));

		assertThat(quote.subtotal()).isEqualTo(520_000);
		assertThat(quote.total()).isEqualTo(572_000);
	}

	@Test
	void preparingAgainReplacesTheDraftInsteadOfAddingOne() {
		this.quotes.prepareDraft(1, recoveryFirst());
		this.quotes.addLine(1, "DATA_RECOVERY", 1);

		Quote again = this.quotes.prepareDraft(1, new ProposalRequest(ResponsePolicy.EVIDENCE_FIRST, false, false, 0));

		assertThat(again.subtotal()).isEqualTo(320_000);
		assertThat(again.lines()).extracting(PricedLine::code).doesNotContain("DATA_RECOVERY");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pricing_quote WHERE incident_id = 1").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void monitoringIsBilledPerMonth() {
		Quote quote = this.quotes.prepareDraft(1, new ProposalRequest(ResponsePolicy.RECOVERY_FIRST, false, true, 3));

		assertThat(quote.lines()).extracting(PricedLine::code, PricedLine::quantity, PricedLine::amount)
			.contains(tuple("IDS_IPS_INSTALLATION", 1, 300_000L), tuple("REMOTE_MONITORING", 3, 450_000L),
					tuple("ALERT_ANALYSIS", 3, 150_000L));
		assertThat(quote.subtotal()).isEqualTo(90_000 + 300_000 + 450_000 + 150_000);
	}

	@Test
	void coordinatorAddsChangesAndRemovesLines() {
		this.quotes.prepareDraft(1, recoveryFirst());

		Quote added = this.quotes.addLine(1, "SYSTEM_RECOVERY_SUPPORT", 2);
		PricedLine line = added.lines().get(added.lines().size() - 1);
		assertThat(line.code()).isEqualTo("SYSTEM_RECOVERY_SUPPORT");
		assertThat(line.amount()).isEqualTo(200_000);
		assertThat(added.subtotal()).isEqualTo(290_000);

		Quote changed = this.quotes.changeQuantity(1, line.id(), 5);
		assertThat(changed.subtotal()).isEqualTo(590_000);
		assertThat(changed.consumptionTax()).isEqualTo(59_000);

		Quote removed = this.quotes.removeLine(1, line.id());
		assertThat(removed.subtotal()).isEqualTo(90_000);
		assertThat(removed.lines()).extracting(PricedLine::id).doesNotContain(line.id());
	}

	@Test
	void unknownItemCodeIsAClearError() {
		this.quotes.prepareDraft(1, recoveryFirst());

		assertThatThrownBy(() -> this.quotes.addLine(1, "GOLD_PLATED_SUPPORT", 1))
			.isInstanceOfSatisfying(PricingInputException.class, ex -> assertThat(ex.problems())
				.containsExactly(new PricingInputException.FieldProblem("code",
						"unknown item code 'GOLD_PLATED_SUPPORT': catalog version 1 has no such item "
								+ "(see GET /api/pricing/catalog)")));
	}

	@Test
	void negativeOrZeroQuantityIsAClearError() {
		Quote quote = this.quotes.prepareDraft(1, recoveryFirst());
		long lineId = quote.lines().get(0).id();

		assertThatThrownBy(() -> this.quotes.addLine(1, "DATA_RECOVERY", -3)).isInstanceOf(PricingInputException.class)
			.hasMessage("quantity must be at least 1, not -3");
		assertThatThrownBy(() -> this.quotes.changeQuantity(1, lineId, 0)).isInstanceOf(PricingInputException.class)
			.hasMessage("quantity must be at least 1, not 0: remove the line instead");
	}

	@Test
	void sameItemTwiceIsRefused() {
		this.quotes.prepareDraft(1, recoveryFirst());

		assertThatThrownBy(() -> this.quotes.addLine(1, "PHONE_HEARING", 1)).isInstanceOf(PricingConflictException.class)
			.hasMessageContaining("Item PHONE_HEARING is already line");
	}

	@Test
	void missingQuoteOrLineIsNotFound() {
		assertThatThrownBy(() -> this.quotes.issueQuote(1)).isInstanceOf(PricingNotFoundException.class)
			.hasMessage("Incident 1 has no quote yet: it is drafted when the client has decided the response policy.");
		this.quotes.prepareDraft(1, recoveryFirst());
		assertThatThrownBy(() -> this.quotes.removeLine(1, 999_999)).isInstanceOf(PricingNotFoundException.class)
			.hasMessage("The quote of incident 1 has no line 999999.");
	}

	@Test
	void travelCostsOnlyOutsideTheFreeArea() {
		this.quotes.prepareDraft(1, recoveryFirst());
		this.quotes.prepareDraft(2, new ProposalRequest(ResponsePolicy.EVIDENCE_FIRST, false, false, 0));

		Quote osaka = this.quotes.addTravelExpense(1, ExpenseKind.TRANSPORT, "新幹線 東京–大阪 往復 2名", 29_000, 2);

		assertThat(osaka.lines()).last().satisfies(line -> {
			assertThat(line.kind()).isEqualTo(LineKind.EXPENSE);
			assertThat(line.code()).isEqualTo("EXPENSE_TRANSPORT");
			assertThat(line.nameJa()).isEqualTo("交通費（実費） 新幹線 東京–大阪 往復 2名");
			assertThat(line.amount()).isEqualTo(58_000);
		});
		assertThat(osaka.subtotal()).isEqualTo(148_000);
		assertThat(osaka.consumptionTax()).isEqualTo(14_800);
		assertThatThrownBy(() -> this.quotes.addTravelExpense(2, ExpenseKind.TRANSPORT, "電車", 1_000, 1))
			.isInstanceOf(PricingConflictException.class)
			.hasMessageContaining("not charged for a site in Tokyo (東京都)");
		assertThatThrownBy(() -> this.invoices.recordExpense(2, ExpenseKind.ACCOMMODATION, "ホテル", 12_000,
				LocalDate.of(2026, 4, 2), "coordinator"))
			.isInstanceOf(PricingConflictException.class);
	}

	@Test
	void issuingFreezesTheQuoteAndIsIdempotent() {
		this.quotes.prepareDraft(1, recoveryFirst());

		Quote issued = this.quotes.issueQuote(1);

		assertThat(issued.status()).isEqualTo(QuoteStatus.ISSUED);
		assertThat(issued.issueDate()).isEqualTo(LocalDate.of(2026, 4, 1)); // Japan date of 2026-03-31T16:00Z
		assertThat(issued.registrationNumber()).isEqualTo("T1234567890123");
		assertThat(issued.issuer()).isEqualTo(new Issuer("株式会社ヒケシ", "神奈川県横浜市西区1-2-3", "045-000-0000"));
		assertThat(this.quotes.issueQuote(1)).isEqualTo(issued);
		assertThatThrownBy(() -> this.quotes.addLine(1, "DATA_RECOVERY", 1)).isInstanceOf(PricingConflictException.class)
			.hasMessage("Quote Q-IR-2026-0001 has been issued to the client and can no longer be changed.");
		assertThatThrownBy(() -> this.quotes.prepareDraft(1, recoveryFirst()))
			.isInstanceOf(PricingConflictException.class);
	}

	@Test
	void issuingWithoutRegistrationNumberFailsAndLeavesTheDraft() {
		this.quotes.prepareDraft(1, recoveryFirst());
		QuoteService unconfigured = new QuoteService(this.quoteRepository, this.catalogs, this.decision,
				this.incidents, new PricingProperties("株式会社ヒケシ", null, null, null, 10), this.clock);

		assertThatThrownBy(() -> unconfigured.issueQuote(1)).isInstanceOf(PricingConfigurationException.class)
			.hasMessageContaining("hikeshi.pricing.registration-number is not set");
		assertThat(this.quotes.getQuote(1).status()).isEqualTo(QuoteStatus.DRAFT);
	}

	@Test
	void emptyQuoteCannotBeIssued() {
		Quote quote = this.quotes.prepareDraft(1, recoveryFirst());
		quote.lines().forEach(line -> this.quotes.removeLine(1, line.id()));

		assertThatThrownBy(() -> this.quotes.issueQuote(1)).isInstanceOf(PricingConflictException.class)
			.hasMessageContaining("has no lines");
	}

	@Test
	void invoiceBillsTheIssuedItemsAndTheRecordedExpenses() {
		this.quotes.prepareDraft(1, recoveryFirst());
		this.quotes.addTravelExpense(1, ExpenseKind.TRANSPORT, "新幹線 往復 概算", 30_000, 1);
		assertThatThrownBy(() -> this.invoices.issueInvoice(1)).isInstanceOf(PricingConflictException.class)
			.hasMessageContaining("is still a draft");
		this.quotes.issueQuote(1);
		this.invoices.recordExpense(1, ExpenseKind.TRANSPORT, "新幹線 東京–新大阪 往復", 29_170, LocalDate.of(2026, 4, 2),
				"coordinator");
		this.invoices.recordExpense(1, ExpenseKind.ACCOMMODATION, "大阪 1泊", 12_345, LocalDate.of(2026, 4, 2),
				"coordinator");

		Invoice invoice = this.invoices.issueInvoice(1);

		assertThat(invoice.number()).isEqualTo("INV-IR-2026-0001");
		assertThat(invoice.quoteNumber()).isEqualTo("Q-IR-2026-0001");
		assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 5, 31));
		assertThat(invoice.registrationNumber()).isEqualTo("T1234567890123");
		assertThat(invoice.lines()).extracting(PricedLine::code, PricedLine::amount)
			.containsExactly(tuple("PHONE_HEARING", 0L), tuple("EMERGENCY_PROCEDURE_ADVICE", 0L),
					tuple("CAUSE_INVESTIGATION_SUPPORT", 30_000L), tuple("BUSINESS_RECOVERY_SUPPORT", 60_000L),
					tuple("EXPENSE_TRANSPORT", 29_170L), tuple("EXPENSE_ACCOMMODATION", 12_345L));
		assertThat(invoice.subtotal()).isEqualTo(131_515);
		assertThat(invoice.consumptionTax()).isEqualTo(13_151); // 13,151.5 rounded down
		assertThat(invoice.total()).isEqualTo(144_666);
		assertThat(this.invoices.issueInvoice(1)).isEqualTo(invoice);
		assertThat(this.invoices.findInvoice(1)).contains(invoice);
		assertThatThrownBy(() -> this.invoices.recordExpense(1, ExpenseKind.TRANSPORT, "帰りのタクシー", 3_000,
				LocalDate.of(2026, 4, 3), "coordinator"))
			.isInstanceOf(PricingConflictException.class)
			.hasMessage("Invoice INV-IR-2026-0001 has been issued: expenses can no longer be changed.");
	}

	@Test
	void invoiceCarriesTheQuotedEstimateWhenNoExpenseWasRecorded() {
		this.quotes.prepareDraft(1, recoveryFirst());
		this.quotes.addTravelExpense(1, ExpenseKind.TRANSPORT, "新幹線 往復 概算", 30_000, 1);
		Quote quote = this.quotes.issueQuote(1);

		Invoice invoice = this.invoices.issueInvoice(1);

		assertThat(invoice.lines()).isEqualTo(quote.lines().stream().map(PricedLine::withoutId).toList());
		assertThat(invoice.total()).isEqualTo(quote.total());
	}

	@Test
	void invalidExpensesAreClearErrors() {
		assertThatThrownBy(() -> this.invoices.recordExpense(1, ExpenseKind.TRANSPORT, "電車", -100,
				LocalDate.of(2026, 4, 2), "coordinator"))
			.isInstanceOf(PricingInputException.class)
			.hasMessage("amount must be at least 1 yen, not -100");
		assertThatThrownBy(() -> this.invoices.recordExpense(1, ExpenseKind.TRANSPORT, " ", 100,
				LocalDate.of(2026, 4, 2), "coordinator"))
			.isInstanceOf(PricingInputException.class)
			.hasMessageStartingWith("description is required");
		assertThatThrownBy(() -> this.invoices.deleteExpense(1, 12345)).isInstanceOf(PricingNotFoundException.class);
	}

	@Test
	void newCatalogVersionAppliesToNewDraftsAndOldQuotesKeepTheirs() {
		Quote before = this.quotes.prepareDraft(1, recoveryFirst());
		PublishCatalogRequest seed = CatalogSeeder.read();
		List<CatalogItem> items = new ArrayList<>();
		for (CatalogItem item : seed.items()) {
			items.add(item.code().equals("BUSINESS_RECOVERY_SUPPORT") ? new CatalogItem(item.code(), item.category(),
					item.nameJa(), item.nameEn(), item.unitJa(), item.unitEn(), 70_000L) : item);
		}
		List<CatalogPackage> packages = seed.packages()
			.stream()
			.map(p -> switch (p.code()) {
				case "RANSOMWARE_RECOVERY" -> new CatalogPackage(p.code(), p.nameJa(), p.nameEn(), 100_000L, p.items());
				case "RANSOMWARE_INVESTIGATION_RECOVERY" ->
					new CatalogPackage(p.code(), p.nameJa(), p.nameEn(), 330_000L, p.items());
				default -> p;
			})
			.toList();

		Catalog v2 = this.catalogs.publish(new PublishCatalogRequest("業務復旧支援 改定", items, packages), "manager");

		assertThat(v2.version()).isEqualTo(2);
		assertThat(this.catalogs.versions()).extracting(CatalogVersion::version).containsExactly(2, 1);
		assertThat(this.catalogs.version(1).findItem("BUSINESS_RECOVERY_SUPPORT").orElseThrow().unitPrice())
			.isEqualTo(60_000);
		assertThat(this.quotes.getQuote(1)).isEqualTo(before);
		this.quotes.prepareDraft(2, recoveryFirst());
		assertThat(this.quotes.getQuote(2).catalogVersion()).isEqualTo(2);
		Quote redrafted = this.quotes.prepareDraft(1, recoveryFirst());
		assertThat(redrafted.catalogVersion()).isEqualTo(2);
		assertThat(redrafted.subtotal()).isEqualTo(100_000);
	}

}
