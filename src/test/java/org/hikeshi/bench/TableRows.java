package org.hikeshi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The rows of every table of a database's current schema, counted before and after a run: what one incident leaves
 * behind, table by table (history, our own records, mail). Rows inserted and deleted again within the run (the
 * engine's runtime tables) do not show.
 */
final class TableRows {

	private final DataSource dataSource;

	private final Map<String, Long> before;

	private TableRows(DataSource dataSource) {
		this.dataSource = dataSource;
		this.before = count(dataSource);
	}

	static TableRows from(DataSource dataSource) {
		return new TableRows(dataSource);
	}

	/** Rows added per instance since this was taken, the largest first, e.g. {@code ACT_HI_DETAIL 112.0}. */
	String addedPer(int instances, int top) {
		Map<String, Long> after = count(this.dataSource);
		List<Map.Entry<String, Double>> added = new ArrayList<>();
		double total = 0;
		for (Map.Entry<String, Long> table : after.entrySet()) {
			double per = (table.getValue() - this.before.getOrDefault(table.getKey(), 0L)) / (double) instances;
			if (per > 0) {
				added.add(Map.entry(table.getKey(), per));
				total += per;
			}
		}
		added.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
		return String.format(Locale.ROOT, "%.0f rows in all: ", total) + added.stream()
			.limit(top)
			.map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static Map<String, Long> count(DataSource dataSource) {
		Map<String, Long> rows = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet result = connection.getMetaData()
				.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (result.next()) {
					tables.add(result.getString("TABLE_NAME"));
				}
			}
			try (Statement statement = connection.createStatement()) {
				for (String table : tables) {
					try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
						result.next();
						rows.put(table.toUpperCase(Locale.ROOT), result.getLong(1));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot count the rows of the tables", ex);
		}
		return rows;
	}

}
