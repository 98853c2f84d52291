package org.hikeshi.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Evidence items and custody entries. Inserts and reads only: there is no update and no delete. */
@Repository
class EvidenceRepository {

	private final JdbcClient jdbc;

	EvidenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises registrations of one incident (item numbers) on the incident row. */
	void lockIncident(long incidentId) {
		this.jdbc.sql("SELECT id FROM incident WHERE id = ? FOR UPDATE").param(incidentId).query(Long.class).optional();
	}

	int nextItemNo(long incidentId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(item_no), 0) + 1 FROM evidence_item WHERE incident_id = ?")
			.param(incidentId)
			.query(Integer.class)
			.single();
	}

	long insertItem(EvidenceItem item) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO evidence_item (incident_id, item_no, kind, description, collected_by, collected_at, location,
				    sha256, registered_by, registered_at)
				VALUES (:incident, :no, :kind, :description, :collectedBy, :collectedAt, :location, :sha256, :by, :at)
				""")
			.param("incident", item.incidentId())
			.param("no", item.itemNo())
			.param("kind", item.kind().name())
			.param("description", item.description())
			.param("collectedBy", item.collectedBy())
			.param("collectedAt", utc(item.collectedAt()))
			.param("location", item.location())
			.param("sha256", item.sha256())
			.param("by", item.registeredBy())
			.param("at", utc(item.registeredAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertEntry(CustodyEntry entry) {
		this.jdbc.sql("""
				INSERT INTO evidence_custody_entry (item_id, seq, entry_type, from_party, to_party, handed_over_at, reason,
				    recorded_by, recorded_at, previous_hash, entry_hash)
				VALUES (:item, :seq, :type, :from, :to, :at, :reason, :by, :recordedAt, :previous, :hash)
				""")
			.param("item", entry.itemId())
			.param("seq", entry.seq())
			.param("type", entry.type().name())
			.param("from", entry.fromParty())
			.param("to", entry.toParty())
			.param("at", utc(entry.handedOverAt()))
			.param("reason", entry.reason())
			.param("by", entry.recordedBy())
			.param("recordedAt", utc(entry.recordedAt()))
			.param("previous", entry.previousHash())
			.param("hash", entry.entryHash())
			.update();
	}

	List<EvidenceItem> items(long incidentId) {
		return this.jdbc.sql("SELECT * FROM evidence_item WHERE incident_id = ? ORDER BY item_no")
			.param(incidentId)
			.query(EvidenceRepository::item)
			.list();
	}

	Optional<EvidenceItem> item(long incidentId, int itemNo) {
		return this.jdbc.sql("SELECT * FROM evidence_item WHERE incident_id = ? AND item_no = ?")
			.params(incidentId, itemNo)
			.query(EvidenceRepository::item)
			.optional();
	}

	/** Serialises hand-overs of one item on its row. */
	void lockItem(long itemId) {
		this.jdbc.sql("SELECT id FROM evidence_item WHERE id = ? FOR UPDATE").param(itemId).query(Long.class).single();
	}

	List<CustodyEntry> entries(long itemId) {
		return this.jdbc.sql("SELECT * FROM evidence_custody_entry WHERE item_id = ? ORDER BY seq, id")
			.param(itemId)
			.query(EvidenceRepository::entry)
			.list();
	}

	private static EvidenceItem item(ResultSet rs, int row) throws SQLException {
		return new EvidenceItem(rs.getLong("id"), rs.getLong("incident_id"), rs.getInt("item_no"),
				EvidenceKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("collected_by"),
				instant(rs, "collected_at"), rs.getString("location"), rs.getString("sha256"),
				rs.getString("registered_by"), instant(rs, "registered_at"));
	}

	private static CustodyEntry entry(ResultSet rs, int row) throws SQLException {
		return new CustodyEntry(rs.getLong("id"), rs.getLong("item_id"), rs.getInt("seq"),
				CustodyEntryType.valueOf(rs.getString("entry_type")), rs.getString("from_party"),
				rs.getString("to_party"), instant(rs, "handed_over_at"), rs.getString("reason"),
				rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getString("previous_hash"),
				rs.getString("entry_hash"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
