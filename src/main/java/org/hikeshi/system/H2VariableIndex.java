package org.hikeshi.system;

import org.springframework.stereotype.Component;

/**
 * On H2 only: an index on the variables table by execution and task, so that the engine's most frequent query
 * ({@code selectVariablesByExecutionId}: the variables of one execution,
 * {@code WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL}) always reads only that execution's rows.
 * <p>
 * Camunda's H2 schema offers that query two single-column indexes, on {@code EXECUTION_ID_} and on {@code TASK_ID_},
 * and H2 picks one by its column statistics. H2 refreshes them after 2,000 row changes of a table, then after
 * twice as many each time; on a database that has seen a million variable writes (a few thousand incidents), the last
 * refresh can date from a moment when the table held the variables of very few executions. H2 then reads every
 * process variable of the table ({@code TASK_ID_ IS NULL}) to find one execution's: 40 ms instead of 0.2 ms per
 * query at 10,000 open incidents, and 10,000 SLA timers took 147 s to fire instead of 22 to 25 s (docs/performance.md,
 * "Timers: H2 chose the wrong index"). With both columns in one index, H2 uses it whatever its statistics say.
 * PostgreSQL keeps its statistics current (autovacuum) and has its own index for the query. Public so that the
 * benchmark gives its bare engines the same index (docs/performance.md).
 */
@Component
public class H2VariableIndex extends EngineIndex {

	static final String INDEX = "HIKESHI_IDX_VARIABLE_EXEC_TASK";

	static final String DDL = "CREATE INDEX IF NOT EXISTS " + INDEX + " ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)";

	public H2VariableIndex() {
		super("h2", INDEX, DDL);
	}

}
