package org.hikeshi.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Quotes and their lines, through plain JDBC. */
@Repository
class QuoteRepository {

	private final JdbcClient jdbc;

	QuoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The quote row without its lines. */
	record Header(long id, long incidentId, String incidentReference, String number, QuoteStatus status,
			int catalogVersion, Recipient recipient, LocalDate issueDate, Issuer issuer, String registrationNumber) {

	}

	Optional<Header> findByIncident(long incidentId) {
		return this.jdbc.sql("SELECT * FROM pricing_quote WHERE incident_id = ?")
			.param(incidentId)
			.query(this::header)
			.optional();
	}

	List<PricedLine> lines(long quoteId) {
		return LineTable.QUOTE.lines(this.jdbc, quoteId);
	}

	long insertDraft(long incidentId, String incidentReference, String number, int catalogVersion,
			Recipient recipient, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO pricing_quote (incident_id, incident_reference, quote_number, status, catalog_version,
					recipient_organization, recipient_contact, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(incidentId, incidentReference, number, QuoteStatus.DRAFT.name(), catalogVersion,
					recipient.organization(), recipient.contactName(), now.atOffset(ZoneOffset.UTC),
					now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Locks a draft for a change: the row lock serialises concurrent adjustments and the issue. False when the
	 * quote is no longer a draft.
	 */
	boolean lockDraft(long quoteId, Instant now) {
		return this.jdbc.sql("UPDATE pricing_quote SET updated_at = ? WHERE id = ? AND status = ?")
			.params(now.atOffset(ZoneOffset.UTC), quoteId, QuoteStatus.DRAFT.name())
			.update() == 1;
	}

	/** Empties a draft and moves it to a catalog version and recipient; false when it is no longer a draft. */
	boolean resetDraft(long quoteId, int catalogVersion, Recipient recipient, Instant now) {
		boolean draft = this.jdbc.sql("""
				UPDATE pricing_quote SET catalog_version = ?, recipient_organization = ?, recipient_contact = ?,
					updated_at = ?
				WHERE id = ? AND status = ?
				""")
			.params(catalogVersion, recipient.organization(), recipient.contactName(), now.atOffset(ZoneOffset.UTC),
					quoteId, QuoteStatus.DRAFT.name())
			.update() == 1;
		if (draft) {
			this.jdbc.sql("DELETE FROM pricing_quote_line WHERE quote_id = ?").param(quoteId).update();
		}
		return draft;
	}

	/** Marks a draft issued; false when it had been issued already. */
	boolean markIssued(long quoteId, LocalDate issueDate, Issuer issuer, String registrationNumber, Instant now) {
		return this.jdbc.sql("""
				UPDATE pricing_quote SET status = ?, issue_date = ?, issuer_name = ?, issuer_address = ?,
					issuer_phone = ?, registration_number = ?, updated_at = ?
				WHERE id = ? AND status = ?
				""")
			.params(QuoteStatus.ISSUED.name(), issueDate, issuer.name(), issuer.address(), issuer.phone(),
					registrationNumber, now.atOffset(ZoneOffset.UTC), quoteId, QuoteStatus.DRAFT.name())
			.update() == 1;
	}

	long addLine(long quoteId, PricedLine line) {
		int next = this.jdbc.sql("SELECT COALESCE(MAX(line_no), 0) + 1 FROM pricing_quote_line WHERE quote_id = ?")
			.param(quoteId)
			.query(Integer.class)
			.single();
		return LineTable.QUOTE.insert(this.jdbc, quoteId, next, line);
	}

	boolean changeQuantity(long quoteId, long lineId, int quantity) {
		return this.jdbc.sql("UPDATE pricing_quote_line SET quantity = ? WHERE id = ? AND quote_id = ?")
			.params(quantity, lineId, quoteId)
			.update() == 1;
	}

	boolean removeLine(long quoteId, long lineId) {
		return this.jdbc.sql("DELETE FROM pricing_quote_line WHERE id = ? AND quote_id = ?")
			.params(lineId, quoteId)
			.update() == 1;
	}

	private Header header(ResultSet rs, int row) throws SQLException {
		String issuerName = rs.getString("issuer_name");
		return new Header(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("incident_reference"),
				rs.getString("quote_number"), QuoteStatus.valueOf(rs.getString("status")),
				rs.getInt("catalog_version"),
				new Recipient(rs.getString("recipient_organization"), rs.getString("recipient_contact")),
				rs.getObject("issue_date", LocalDate.class),
				issuerName == null ? null
						: new Issuer(issuerName, rs.getString("issuer_address"), rs.getString("issuer_phone")),
				rs.getString("registration_number"));
	}

}
