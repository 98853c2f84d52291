package org.hikeshi.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index of Hikeshi's on one of the engine's tables, on one kind of database, created ({@code IF NOT EXISTS}) right
 * after the engine made or updated its schema, at every start. Two nodes of a cluster may start at once: if the
 * statement fails, it runs once more, which finds the index the other node made; a second failure stops the start.
 * The subclasses say why each index is there (docs/performance.md).
 */
public abstract class EngineIndex extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineIndex.class);

	private final String databaseType;

	private final String name;

	private final String ddl;

	/**
	 * @param databaseType the engine's name of the database it applies to ({@code h2}, {@code postgres})
	 * @param name the index
	 * @param ddl {@code CREATE INDEX IF NOT EXISTS} of the index
	 */
	protected EngineIndex(String databaseType, String name, String ddl) {
		this.databaseType = databaseType;
		this.name = name;
		this.ddl = ddl;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		if (!this.databaseType.equals(configuration.getDatabaseType())) {
			return;
		}
		DataSource dataSource = configuration.getDataSource();
		try {
			create(dataSource);
		}
		catch (SQLException first) {
			try {
				create(dataSource);
			}
			catch (SQLException second) {
				second.addSuppressed(first);
				throw new ProcessEngineException("cannot create the index " + this.name, second);
			}
		}
		log.debug("{}: index {} in place", this.databaseType, this.name);
	}

	private void create(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			try {
				statement.execute(this.ddl);
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
			}
			catch (SQLException ex) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
				throw ex;
			}
		}
	}

}
