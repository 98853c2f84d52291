package org.hikeshi.pricing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pricing API over HTTP: JSON shapes, problem details for every error, and the group checks. Authentication
 * itself (HTTP Basic) is the security configuration's; here the user is set on the request.
 */
@WebMvcTest(controllers = { QuoteController.class, InvoiceController.class, CatalogController.class })
@AutoConfigureMockMvc(addFilters = false)
class PricingControllerTests {

	private static final Authentication COORDINATOR = user("coordinator", Access.COORDINATORS);

	private static final Authentication MANAGER = user("manager", Access.MANAGERS);

	private static final Authentication ADMIN = user("admin", "GROUP_camunda-admin");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	QuoteService quotes;

	@MockitoBean
	InvoiceService invoices;

	@MockitoBean
	CatalogService catalogs;

	private static Authentication user(String name, String authority) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority(authority)));
	}

	private static Quote draft() {
		return Quote.of(7, "Q-IR-2026-0007", "IR-2026-0007", QuoteStatus.DRAFT, 1,
				new Recipient("株式会社テスト", "山田 太郎"), null, null, null,
				List.of(PricedLine.of(11L, LineKind.ITEM, "PHONE_HEARING", "状況ヒアリング（電話）", "Situation hearing (by phone)",
						"式", "lot", 1, 0, 10),
						PricedLine.of(12L, LineKind.ITEM, "DATA_RECOVERY", "データ復旧", "Data recovery", "式", "lot", 2,
								150_000, 10)));
	}

	@Test
	void quoteIsJsonWithLinesAndTotals() throws Exception {
		when(this.quotes.getQuote(7)).thenReturn(draft());

		this.mvc.perform(get("/api/incidents/7/quote").principal(COORDINATOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("Q-IR-2026-0007"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.lines[1].code").value("DATA_RECOVERY"))
			.andExpect(jsonPath("$.lines[1].amount").value(300_000))
			.andExpect(jsonPath("$.subtotal").value(300_000))
			.andExpect(jsonPath("$.consumptionTax").value(30_000))
			.andExpect(jsonPath("$.total").value(330_000))
			.andExpect(jsonPath("$.taxSummary[0].ratePercent").value(10));
	}

	@Test
	void missingQuoteIsA404Problem() throws Exception {
		when(this.quotes.getQuote(8)).thenThrow(PricingNotFoundException.quote(8));

		this.mvc.perform(get("/api/incidents/8/quote").principal(COORDINATOR))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Quote not found"))
			.andExpect(jsonPath("$.detail").value(
					"Incident 8 has no quote yet: it is drafted when the client has decided the response policy."));
	}

	@Test
	void addingALineAnswersTheQuoteWithTheLineLocation() throws Exception {
		when(this.quotes.addLine(7, "DATA_RECOVERY", 2)).thenReturn(draft());

		this.mvc.perform(post("/api/incidents/7/quote/lines").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"DATA_RECOVERY\",\"quantity\":2}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/incidents/7/quote/lines/12"))
			.andExpect(jsonPath("$.total").value(330_000));
	}

	@Test
	void unknownItemCodeIsA400NamingTheField() throws Exception {
		when(this.quotes.addLine(7, "NOPE", 1))
			.thenThrow(new PricingInputException("code", "unknown item code 'NOPE': catalog version 1 has no such item"));

		this.mvc.perform(post("/api/incidents/7/quote/lines").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"NOPE\",\"quantity\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("unknown item code 'NOPE': catalog version 1 has no such item"));
	}

	@Test
	void negativeQuantityIsA400BeforeTheServiceIsCalled() throws Exception {
		this.mvc.perform(patch("/api/incidents/7/quote/lines/12").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quantity\":-2}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quantity"));
		verify(this.quotes, never()).changeQuantity(anyLong(), anyLong(), anyInt());
	}

	@Test
	void changingAnIssuedQuoteIsA409() throws Exception {
		when(this.quotes.changeQuantity(7, 12, 3)).thenThrow(PricingConflictException.quoteIssued("Q-IR-2026-0007"));

		this.mvc.perform(patch("/api/incidents/7/quote/lines/12").principal(MANAGER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quantity\":3}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Quote already issued"));
	}

	@Test
	void onlyCoordinatorsAndManagersAdjustQuotes() throws Exception {
		this.mvc.perform(post("/api/incidents/7/quote/lines").principal(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"DATA_RECOVERY\",\"quantity\":1}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only members of coordinators or managers may adjust quotes."));
		verify(this.quotes, never()).addLine(anyLong(), anyString(), anyInt());
	}

	@Test
	void travelCostsInTheFreeAreaAreA409() throws Exception {
		when(this.quotes.addTravelExpense(eq(7L), eq(ExpenseKind.TRANSPORT), anyString(), eq(1_000L), eq(1)))
			.thenThrow(new PricingConflictException("Travel costs not charged", "Travel costs are not charged for a "
					+ "site in Tokyo (東京都): sites in Tokyo, Kanagawa, Chiba and Saitama are served without travel costs."));

		this.mvc.perform(post("/api/incidents/7/quote/travel-expenses").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"TRANSPORT\",\"description\":\"電車\",\"unitPrice\":1000,\"quantity\":1}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Travel costs not charged"));
	}

	@Test
	void recordingAnExpenseAnswersItsLocation() throws Exception {
		when(this.invoices.recordExpense(eq(7L), eq(ExpenseKind.TRANSPORT), eq("新幹線"), eq(29_170L),
				eq(java.time.LocalDate.of(2026, 4, 2)), eq("coordinator")))
			.thenReturn(new Expense(3, 7, ExpenseKind.TRANSPORT, "新幹線", 29_170, java.time.LocalDate.of(2026, 4, 2),
					"coordinator", PricingFixtures.NOW));

		this.mvc.perform(post("/api/incidents/7/expenses").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"TRANSPORT\",\"description\":\"新幹線\",\"amount\":29170,\"incurredOn\":\"2026-04-02\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/incidents/7/expenses/3"))
			.andExpect(jsonPath("$.amount").value(29_170));
	}

	@Test
	void missingInvoiceIsA404Problem() throws Exception {
		when(this.invoices.getInvoice(7)).thenThrow(PricingNotFoundException.invoice(7));

		this.mvc.perform(get("/api/incidents/7/invoice").principal(COORDINATOR))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Invoice not found"));
	}

	@Test
	void packagesShowTheirComputedPrices() throws Exception {
		Catalog catalog = PricingFixtures.seedCatalog();
		when(this.catalogs.currentPackages()).thenReturn(
				catalog.packages().stream().map(p -> CatalogService.price(catalog, p, 10)).toList());

		this.mvc.perform(get("/api/pricing/packages").principal(COORDINATOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[1].code").value("RANSOMWARE_RECOVERY"))
			.andExpect(jsonPath("$[1].subtotal").value(90_000))
			.andExpect(jsonPath("$[1].total").value(99_000))
			.andExpect(jsonPath("$[6].subtotal").value(2_480_000));
	}

	@Test
	void onlyManagersPublishCatalogVersions() throws Exception {
		String body = "{\"note\":\"test\",\"items\":[{\"code\":\"PHONE_HEARING\",\"category\":\"RESCUE\","
				+ "\"nameJa\":\"状況ヒアリング\",\"nameEn\":\"Hearing\",\"unitJa\":\"式\",\"unitEn\":\"lot\",\"unitPrice\":0}]}";
		Catalog published = new Catalog(2, PricingFixtures.NOW, "manager", "test", List.of(), List.of());
		when(this.catalogs.publish(any(), eq("manager"))).thenReturn(published);

		this.mvc.perform(post("/api/pricing/catalog/versions").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only members of managers may publish catalog versions."));
		this.mvc.perform(post("/api/pricing/catalog/versions").principal(MANAGER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/pricing/catalog/versions/2"));
	}

	@Test
	void invalidCatalogFromANonManagerIsA403NotA400() throws Exception {
		this.mvc.perform(post("/api/pricing/catalog/versions").principal(COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"items\":[]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void catalogItemWithoutPriceIsA400() throws Exception {
		this.mvc.perform(post("/api/pricing/catalog/versions").principal(MANAGER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"items\":[{\"code\":\"X1\",\"category\":\"RESCUE\",\"nameJa\":\"a\",\"nameEn\":\"a\","
					+ "\"unitJa\":\"式\",\"unitEn\":\"lot\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].unitPrice"));
	}

}
