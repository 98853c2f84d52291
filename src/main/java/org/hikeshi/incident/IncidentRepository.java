package org.hikeshi.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The incident table and its two value tables, through plain JDBC. */
@Repository
class IncidentRepository {

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String reference, String processInstanceId, IntakeRequest intake, IncidentStatus status,
			Instant dispatchDueAt, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO incident (reference, process_instance_id, organization, client_type, contact_name, email,
				    phone, prefecture, discovered_at, contacted_at, discovery_narrative, insider_suspected, language,
				    status, phase, dispatch_due_at, created_at)
				VALUES (:reference, :pi, :organization, :clientType, :contactName, :email, :phone, :prefecture,
				    :discoveredAt, :contactedAt, :narrative, :insider, :language, :status, :phase, :dueAt, :now)
				""")
			.param("reference", reference)
			.param("pi", processInstanceId)
			.param("organization", intake.organization().strip())
			.param("clientType", intake.clientType().name())
			.param("contactName", intake.contactName().strip())
			.param("email", intake.email().strip())
			.param("phone", intake.phone().strip())
			.param("prefecture", intake.prefecture().name())
			.param("discoveredAt", intake.discoveredAt())
			.param("contactedAt", intake.contactedAt())
			.param("narrative", intake.discoveryNarrative())
			.param("insider", intake.insiderSuspected())
			.param("language", intake.language().name())
			.param("status", status.name())
			.param("phase", Phase.INTAKE.name())
			.param("dueAt", utc(dispatchDueAt))
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (IncidentType type : intake.incidentTypes()) {
			this.jdbc.sql("INSERT INTO incident_type (incident_id, incident_type) VALUES (?, ?)")
				.params(id, type.name())
				.update();
		}
		for (DataCategory category : intake.dataCategories()) {
			this.jdbc.sql("INSERT INTO incident_data_category (incident_id, data_category) VALUES (?, ?)")
				.params(id, category.name())
				.update();
		}
		return id;
	}

	Optional<Incident> findById(long id) {
		return this.jdbc.sql("SELECT * FROM incident WHERE id = ?").param(id).query(this::map).optional();
	}

	Optional<Incident> findByProcessInstanceId(String processInstanceId) {
		return this.jdbc.sql("SELECT * FROM incident WHERE process_instance_id = ?")
			.param(processInstanceId)
			.query(this::map)
			.optional();
	}

	/** The newest incidents first, a page at a time. */
	List<Incident> findPage(int offset, int limit) {
		return this.jdbc.sql("SELECT * FROM incident ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * The newest incidents that a user who is not a manager may see: every incident that is not confidential, and
	 * the confidential ones the user is the assigned responder of.
	 */
	List<Incident> findPageVisibleTo(String userId, int offset, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM incident WHERE insider_suspected = FALSE OR responder_user_id = :user
				ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
			.param("user", userId)
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
	}

	void updatePhase(long id, Phase phase) {
		update(id, "phase = ?", phase.name());
	}

	void updateStatus(long id, IncidentStatus status) {
		update(id, "status = ?", status.name());
	}

	void close(long id, Instant at) {
		update(id, "status = ?, phase = ?, closed_at = ?", IncidentStatus.CLOSED.name(), Phase.CLOSED.name(), utc(at));
	}

	void recordDispatch(long id, String responderName, String responderUserId, DispatchMode mode, Instant at) {
		update(id, "responder_name = ?, responder_user_id = ?, dispatch_mode = ?, dispatched_at = ?", responderName,
				responderUserId, mode.name(), utc(at));
	}

	void recordSlaBreach(long id, Instant at) {
		update(id, "dispatch_sla_breached_at = COALESCE(dispatch_sla_breached_at, ?)", utc(at));
	}

	void recordPolicy(long id, ResponsePolicy policy, boolean mediaSupport, boolean monitoring) {
		update(id, "response_policy = ?, media_support_requested = ?, monitoring_contracted = ?", policy.name(),
				mediaSupport, monitoring);
	}

	private void update(long id, String assignments, Object... values) {
		Object[] params = new Object[values.length + 1];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = id;
		int rows = this.jdbc.sql("UPDATE incident SET " + assignments + " WHERE id = ?").params(params).update();
		if (rows != 1) {
			throw new IncidentNotFoundException(id);
		}
	}

	private Incident map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new Incident(id, rs.getString("reference"), rs.getString("process_instance_id"),
				rs.getString("organization"), ClientType.valueOf(rs.getString("client_type")),
				rs.getString("contact_name"), rs.getString("email"), rs.getString("phone"),
				Prefecture.valueOf(rs.getString("prefecture")), instant(rs, "discovered_at"),
				instant(rs, "contacted_at"), incidentTypes(id), dataCategories(id), rs.getString("discovery_narrative"),
				rs.getBoolean("insider_suspected"), Language.valueOf(rs.getString("language")),
				IncidentStatus.valueOf(rs.getString("status")), Phase.valueOf(rs.getString("phase")),
				enumOrNull(ResponsePolicy.class, rs.getString("response_policy")),
				(Boolean) rs.getObject("media_support_requested"), (Boolean) rs.getObject("monitoring_contracted"),
				rs.getString("responder_name"), rs.getString("responder_user_id"),
				enumOrNull(DispatchMode.class, rs.getString("dispatch_mode")),
				instant(rs, "dispatch_due_at"), instant(rs, "dispatched_at"), instant(rs, "dispatch_sla_breached_at"), instant(rs, "closed_at"), instant(rs, "created_at"));
	}

	private Set<IncidentType> incidentTypes(long id) {
		List<String> names = this.jdbc.sql("SELECT incident_type FROM incident_type WHERE incident_id = ?")
			.param(id)
			.query(String.class)
			.list();
		EnumSet<IncidentType> types = EnumSet.noneOf(IncidentType.class);
		names.forEach(n -> types.add(IncidentType.valueOf(n)));
		return types;
	}

	private Set<DataCategory> dataCategories(long id) {
		List<String> names = this.jdbc.sql("SELECT data_category FROM incident_data_category WHERE incident_id = ?")
			.param(id)
			.query(String.class)
			.list();
		EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		names.forEach(n -> categories.add(DataCategory.valueOf(n)));
		return categories;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

}
