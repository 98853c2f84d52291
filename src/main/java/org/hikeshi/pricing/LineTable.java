package org.hikeshi.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The two line tables, of quotes and of invoices, which share their columns. */
enum LineTable {

	QUOTE("pricing_quote_line", "quote_id"), INVOICE("pricing_invoice_line", "invoice_id");

	private final String table;

	private final String parent;

	LineTable(String table, String parent) {
		this.table = table;
		this.parent = parent;
	}

	List<PricedLine> lines(JdbcClient jdbc, long parentId) {
		return jdbc.sql("SELECT * FROM " + this.table + " WHERE " + this.parent + " = ? ORDER BY line_no, id")
			.param(parentId)
			.query(this::map)
			.list();
	}

	long insert(JdbcClient jdbc, long parentId, int lineNo, PricedLine line) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO " + this.table + " (" + this.parent + ", line_no, kind, code, name_ja, name_en, unit_ja, "
				+ "unit_en, quantity, unit_price, tax_rate_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(parentId, lineNo, line.kind().name(), line.code(), line.nameJa(), line.nameEn(), line.unitJa(),
					line.unitEn(), line.quantity(), line.unitPrice(), line.taxRatePercent())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private PricedLine map(ResultSet rs, int row) throws SQLException {
		return PricedLine.of(rs.getLong("id"), LineKind.valueOf(rs.getString("kind")), rs.getString("code"),
				rs.getString("name_ja"), rs.getString("name_en"), rs.getString("unit_ja"), rs.getString("unit_en"),
				rs.getInt("quantity"), rs.getLong("unit_price"), rs.getInt("tax_rate_percent"));
	}

}
