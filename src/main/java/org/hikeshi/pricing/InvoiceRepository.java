package org.hikeshi.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Invoices with their lines, and the recorded expenses, through plain JDBC. */
@Repository
class InvoiceRepository {

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Invoice> findByIncident(long incidentId) {
		return this.jdbc.sql("SELECT * FROM pricing_invoice WHERE incident_id = ?")
			.param(incidentId)
			.query(this::invoice)
			.optional();
	}

	/** Inserts an invoice; a second one for the incident raises a DuplicateKeyException. */
	void insert(Invoice invoice, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO pricing_invoice (incident_id, incident_reference, invoice_number, quote_number,
					catalog_version, recipient_organization, recipient_contact, issue_date, due_date, issuer_name,
					issuer_address, issuer_phone, registration_number, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(invoice.incidentId(), invoice.incidentReference(), invoice.number(), invoice.quoteNumber(),
					invoice.catalogVersion(), invoice.recipient().organization(), invoice.recipient().contactName(),
					invoice.issueDate(), invoice.dueDate(), invoice.issuer().name(), invoice.issuer().address(),
					invoice.issuer().phone(), invoice.registrationNumber(), now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		int lineNo = 0;
		for (PricedLine line : invoice.lines()) {
			LineTable.INVOICE.insert(this.jdbc, id, ++lineNo, line);
		}
	}

	List<Expense> expenses(long incidentId) {
		return this.jdbc.sql("SELECT * FROM pricing_expense WHERE incident_id = ? ORDER BY incurred_on, id")
			.param(incidentId)
			.query(this::expense)
			.list();
	}

	Optional<Expense> findExpense(long incidentId, long expenseId) {
		return this.jdbc.sql("SELECT * FROM pricing_expense WHERE incident_id = ? AND id = ?")
			.params(incidentId, expenseId)
			.query(this::expense)
			.optional();
	}

	long insertExpense(long incidentId, ExpenseKind kind, String description, long amount, LocalDate incurredOn,
			String recordedBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO pricing_expense (incident_id, kind, description, amount, incurred_on, recorded_by,
					recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(incidentId, kind.name(), description, amount, incurredOn, recordedBy, now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean deleteExpense(long incidentId, long expenseId) {
		return this.jdbc.sql("DELETE FROM pricing_expense WHERE incident_id = ? AND id = ?")
			.params(incidentId, expenseId)
			.update() == 1;
	}

	private Invoice invoice(ResultSet rs, int row) throws SQLException {
		List<PricedLine> lines = LineTable.INVOICE.lines(this.jdbc, rs.getLong("id"))
			.stream()
			.map(PricedLine::withoutId)
			.toList();
		return Invoice.of(rs.getLong("incident_id"), rs.getString("invoice_number"), rs.getString("quote_number"),
				rs.getString("incident_reference"), rs.getInt("catalog_version"),
				new Recipient(rs.getString("recipient_organization"), rs.getString("recipient_contact")),
				rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
				new Issuer(rs.getString("issuer_name"), rs.getString("issuer_address"), rs.getString("issuer_phone")),
				rs.getString("registration_number"), lines);
	}

	private Expense expense(ResultSet rs, int row) throws SQLException {
		return new Expense(rs.getLong("id"), rs.getLong("incident_id"), ExpenseKind.valueOf(rs.getString("kind")),
				rs.getString("description"), rs.getLong("amount"), rs.getObject("incurred_on", LocalDate.class),
				rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}

}
