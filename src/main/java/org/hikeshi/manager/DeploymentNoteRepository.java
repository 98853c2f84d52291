package org.hikeshi.manager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change notes of deployments made from the browser modeler. */
@Repository
class DeploymentNoteRepository {

	private final JdbcClient jdbc;

	DeploymentNoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DeploymentNote note) {
		this.jdbc.sql("""
				INSERT INTO deployment_note (deployment_id, resource_name, base_deployment_id, note, deployed_by,
				    deployed_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(note.deploymentId(), note.resourceName(), note.baseDeploymentId(), note.note(),
					note.deployedBy(), note.deployedAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The notes of the given deployments that have one, by deployment id. */
	Map<String, DeploymentNote> findByDeployments(Collection<String> deploymentIds) {
		if (deploymentIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT * FROM deployment_note WHERE deployment_id IN (:ids)")
			.param("ids", deploymentIds)
			.query((rs, row) -> new DeploymentNote(rs.getString("deployment_id"), rs.getString("resource_name"),
					rs.getString("base_deployment_id"), rs.getString("note"), rs.getString("deployed_by"),
					rs.getObject("deployed_at", OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(DeploymentNote::deploymentId, Function.identity()));
	}

	/** Why a deployment was made: the manager's note. */
	record DeploymentNote(String deploymentId, String resourceName, String baseDeploymentId, String note,
			String deployedBy, Instant deployedAt) {
	}

}
