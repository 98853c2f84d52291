package org.hikeshi.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's query for one execution's variables uses Hikeshi's index on H2 even when H2's column statistics
 * would have it read every process variable through the index on {@code TASK_ID_}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class H2VariableIndexTests {

	/** Camunda's {@code selectVariablesByExecutionId}, as the engine sends it (mapping {@code VariableInstance.xml}). */
	private static final String VARIABLES_OF_AN_EXECUTION = """
			SELECT RES.* FROM ACT_RU_VARIABLE RES
			LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_
			LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
			WHERE EXECUTION_ID_ = 'an-execution' AND TASK_ID_ IS NULL""";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private H2VariableIndex index;

	@Test
	void shouldReadOneExecutionsVariablesThroughTheIndexWhateverTheStatistics() {
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = ?")
			.param(H2VariableIndex.INDEX)
			.query(Long.class)
			.single()).isEqualTo(1);
		try {
			// statistics as H2 may keep them for a long time: taken when the table held few executions' variables
			this.jdbc.sql("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN EXECUTION_ID_ SELECTIVITY 1").update();
			this.jdbc.sql("DROP INDEX " + H2VariableIndex.INDEX).update();
			assertThat(plan()).contains("ACT_IDX_VARIABLE_TASK_ID: TASK_ID_ IS NULL");

			this.index.postProcessEngineBuild(this.engine);

			assertThat(plan()).contains(H2VariableIndex.INDEX + ": EXECUTION_ID_ = 'an-execution' AND TASK_ID_ IS NULL");
		}
		finally {
			this.jdbc.sql(H2VariableIndex.DDL).update();
			this.jdbc.sql("ANALYZE TABLE ACT_RU_VARIABLE").update();
		}
	}

	private String plan() {
		return this.jdbc.sql("EXPLAIN " + VARIABLES_OF_AN_EXECUTION).query(String.class).single().replaceAll("\\s+", " ");
	}

}
