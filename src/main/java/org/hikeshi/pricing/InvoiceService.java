package org.hikeshi.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hikeshi.incident.IncidentService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice of an incident and the actual costs recorded for it. The invoice bills the items of the issued quote
 * and the travel costs: the expenses recorded when there are any, else the estimates the issued quote carried.
 */
@Service
public class InvoiceService {

	private final InvoiceRepository invoices;

	private final QuoteService quotes;

	private final IncidentService incidents;

	private final PricingProperties properties;

	private final Clock clock;

	InvoiceService(InvoiceRepository invoices, QuoteService quotes, IncidentService incidents,
			PricingProperties properties, Clock clock) {
		this.invoices = invoices;
		this.quotes = quotes;
		this.incidents = incidents;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Invoice> findInvoice(long incidentId) {
		return this.invoices.findByIncident(incidentId);
	}

	@Transactional(readOnly = true)
	public Invoice getInvoice(long incidentId) {
		return findInvoice(incidentId).orElseThrow(() -> PricingNotFoundException.invoice(incidentId));
	}

	/**
	 * Issues the invoice of an incident, dated today (Japan) and payable by the end of the following month
	 * (翌月末払い). Idempotent: an existing invoice is returned as it is.
	 *
	 * @throws PricingNotFoundException when the incident has no quote
	 * @throws PricingConflictException when its quote has not been issued
	 * @throws PricingConfigurationException when no issuer or registration number is configured
	 */
	@Transactional
	public Invoice issueInvoice(long incidentId) {
		Optional<Invoice> existing = this.invoices.findByIncident(incidentId);
		if (existing.isPresent()) {
			return existing.get();
		}
		Quote quote = this.quotes.getQuote(incidentId);
		if (!quote.issued()) {
			throw PricingConflictException.quoteNotIssued(quote.number());
		}
		Issuer issuer = this.properties.requireIssuer();
		String registrationNumber = this.properties.requireRegistrationNumber();
		LocalDate issueDate = this.quotes.today();
		Invoice invoice = Invoice.of(incidentId, invoiceNumber(quote.incidentReference()), quote.number(),
				quote.incidentReference(), quote.catalogVersion(), quote.recipient(), issueDate,
				issueDate.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()), issuer, registrationNumber,
				lines(quote, this.invoices.expenses(incidentId), this.properties.taxRatePercent()));
		// two concurrent issues: the unique key fails the second transaction; its retry returns this invoice
		this.invoices.insert(invoice, this.clock.instant());
		return invoice;
	}

	/** The quote's items, then the recorded expenses, or the quote's estimates when nothing was recorded. */
	static List<PricedLine> lines(Quote quote, List<Expense> expenses, int taxRatePercent) {
		List<PricedLine> lines = new ArrayList<>();
		quote.lines().stream().filter(l -> l.kind() == LineKind.ITEM).map(PricedLine::withoutId).forEach(lines::add);
		if (expenses.isEmpty()) {
			quote.lines()
				.stream()
				.filter(l -> l.kind() == LineKind.EXPENSE)
				.map(PricedLine::withoutId)
				.forEach(lines::add);
		}
		else {
			expenses.forEach(e -> lines.add(QuoteService.expenseLine(e.kind(),
					e.incurredOn() + " " + e.description(), 1, e.amount(), taxRatePercent)));
		}
		return lines;
	}

	@Transactional(readOnly = true)
	public List<Expense> expenses(long incidentId) {
		this.incidents.get(incidentId);
		return this.invoices.expenses(incidentId);
	}

	/**
	 * Records an actual travel cost of an incident whose site is outside Tokyo, Kanagawa, Chiba and Saitama, until
	 * the invoice is issued.
	 */
	@Transactional
	public Expense recordExpense(long incidentId, ExpenseKind kind, String description, long amount,
			LocalDate incurredOn, String recordedBy) {
		if (kind == null) {
			throw new PricingInputException("kind", "is required: one of TRANSPORT, ACCOMMODATION");
		}
		if (amount < 1) {
			throw new PricingInputException("amount", "must be at least 1 yen, not " + amount);
		}
		if (incurredOn == null) {
			throw new PricingInputException("incurredOn", "is required: the date the cost arose");
		}
		String text = QuoteService.requireDescription(description);
		TravelCosts.requireChargeable(this.incidents.get(incidentId).prefecture());
		requireNotInvoiced(incidentId);
		long id = this.invoices.insertExpense(incidentId, kind, text, amount, incurredOn, recordedBy,
				this.clock.instant());
		return this.invoices.findExpense(incidentId, id).orElseThrow();
	}

	@Transactional
	public void deleteExpense(long incidentId, long expenseId) {
		requireNotInvoiced(incidentId);
		if (!this.invoices.deleteExpense(incidentId, expenseId)) {
			throw PricingNotFoundException.expense(incidentId, expenseId);
		}
	}

	static String invoiceNumber(String incidentReference) {
		return "INV-" + incidentReference;
	}

	private void requireNotInvoiced(long incidentId) {
		this.invoices.findByIncident(incidentId).ifPresent(invoice -> {
			throw PricingConflictException.invoiceIssued(invoice.number());
		});
	}

}
