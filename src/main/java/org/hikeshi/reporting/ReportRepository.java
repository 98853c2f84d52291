package org.hikeshi.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hikeshi.incident.Language;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int nextVersion(long incidentId, ReportType type) {
		Integer max = this.jdbc.sql("SELECT MAX(version) FROM report WHERE incident_id = ? AND report_type = ?")
			.params(incidentId, type.name())
			.query(Integer.class)
			.optional()
			.orElse(null);
		return max == null ? 1 : max + 1;
	}

	long insert(Report report) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report (incident_id, report_type, version, language, file_name, content_type, content,
				    sha256, created_at, created_by_activity)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(report.incidentId(), report.type().name(), report.version(), report.language().name(),
					report.fileName(), report.contentType(), report.content(), report.sha256(),
					report.createdAt().atOffset(ZoneOffset.UTC), report.createdByActivity())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Report> findLatest(long incidentId, ReportType type) {
		return this.jdbc.sql("""
				SELECT * FROM report WHERE incident_id = ? AND report_type = ?
				ORDER BY version DESC FETCH FIRST 1 ROWS ONLY
				""").params(incidentId, type.name()).query(this::map).optional();
	}

	List<Report> findByIncident(long incidentId) {
		return this.jdbc.sql("SELECT * FROM report WHERE incident_id = ? ORDER BY created_at, id")
			.param(incidentId)
			.query(this::map)
			.list();
	}

	Optional<Report> findById(long id) {
		return this.jdbc.sql("SELECT * FROM report WHERE id = ?").param(id).query(this::map).optional();
	}

	List<ReportSummary> findSummaries(long incidentId) {
		return this.jdbc.sql("""
				SELECT id, incident_id, report_type, version, language, file_name, content_type,
				    OCTET_LENGTH(content) AS size, sha256, created_at, created_by_activity
				FROM report WHERE incident_id = ? ORDER BY created_at, id
				""")
			.param(incidentId)
			.query((rs, row) -> new ReportSummary(rs.getLong("id"), rs.getLong("incident_id"),
					ReportType.valueOf(rs.getString("report_type")), rs.getInt("version"),
					Language.valueOf(rs.getString("language")), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by_activity")))
			.list();
	}

	private Report map(ResultSet rs, int row) throws SQLException {
		return new Report(rs.getLong("id"), rs.getLong("incident_id"), ReportType.valueOf(rs.getString("report_type")),
				rs.getInt("version"), Language.valueOf(rs.getString("language")), rs.getString("file_name"),
				rs.getString("content_type"), rs.getBytes("content"), rs.getString("sha256"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by_activity"));
	}

}
