package org.hikeshi.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * When and how often an {@link EngineIndex} runs its statement: on its own kind of database only, once more after a
 * failure (another node starting at the same moment made the index), and never a third time.
 */
class EngineIndexTests {

	private final DataSource dataSource = mock(DataSource.class);

	private final Connection connection = mock(Connection.class);

	private final Statement statement = mock(Statement.class);

	private final ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);

	private final ProcessEngine engine = mock(ProcessEngine.class);

	private final PostgresTaskDueDateIndex index = new PostgresTaskDueDateIndex();

	@BeforeEach
	void database() throws SQLException {
		given(this.engine.getProcessEngineConfiguration()).willReturn(this.configuration);
		given(this.configuration.getDataSource()).willReturn(this.dataSource);
		given(this.dataSource.getConnection()).willReturn(this.connection);
		given(this.connection.createStatement()).willReturn(this.statement);
		given(this.connection.getAutoCommit()).willReturn(false);
	}

	@Test
	void shouldCreateTheIndexOnItsDatabaseAndCommit() throws SQLException {
		given(this.configuration.getDatabaseType()).willReturn("postgres");

		this.index.postProcessEngineBuild(this.engine);

		verify(this.statement).execute("CREATE INDEX IF NOT EXISTS HIKESHI_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_)");
		verify(this.connection).commit();
		verify(this.connection).close();
	}

	@Test
	void shouldLeaveOtherDatabasesAlone() throws SQLException {
		given(this.configuration.getDatabaseType()).willReturn("h2");

		this.index.postProcessEngineBuild(this.engine);

		verify(this.dataSource, never()).getConnection();
	}

	@Test
	void shouldRunTheStatementOnceMoreWhenItFails() throws SQLException {
		given(this.configuration.getDatabaseType()).willReturn("postgres");
		given(this.statement.execute(PostgresTaskDueDateIndex.DDL))
			.willThrow(new SQLException("duplicate key value violates unique constraint \"pg_class_relname_nsp_index\""))
			.willReturn(false);

		this.index.postProcessEngineBuild(this.engine);

		verify(this.statement, times(2)).execute(PostgresTaskDueDateIndex.DDL);
		verify(this.connection).rollback();
		verify(this.connection).commit();
		verify(this.connection, times(2)).close();
	}

	@Test
	void shouldStopTheStartWhenItFailsTwice() throws SQLException {
		given(this.configuration.getDatabaseType()).willReturn("postgres");
		SQLException first = new SQLException("first");
		SQLException second = new SQLException("permission denied for table act_ru_task");
		willThrow(first, second).given(this.statement).execute(PostgresTaskDueDateIndex.DDL);

		assertThatExceptionOfType(ProcessEngineException.class)
			.isThrownBy(() -> this.index.postProcessEngineBuild(this.engine))
			.withMessage("cannot create the index HIKESHI_IDX_TASK_DUE_DATE")
			.satisfies(ex -> {
				assertThat(ex.getCause()).isSameAs(second);
				assertThat(second.getSuppressed()).containsExactly(first);
			});
		verify(this.statement, times(2)).execute(PostgresTaskDueDateIndex.DDL);
	}

}
