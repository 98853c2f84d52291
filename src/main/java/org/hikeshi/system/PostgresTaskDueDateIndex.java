package org.hikeshi.system;

import org.springframework.stereotype.Component;

/**
 * On PostgreSQL only: an index on the tasks' due date, so that a task list sorted by due date (the coordinators' and
 * managers' lists in Tasklist, {@code orderByDueDate}) reads the tasks in that order and stops after its first page.
 * <p>
 * Camunda's PostgreSQL schema has no such index, so PostgreSQL checks every open task a user may see (candidate
 * group, authorization) before it sorts them, and the first page costs as much as the whole list
 * (docs/performance.md, "Task list on PostgreSQL"). H2 answers the same query in under a millisecond without it.
 */
@Component
class PostgresTaskDueDateIndex extends EngineIndex {

	static final String INDEX = "HIKESHI_IDX_TASK_DUE_DATE";

	static final String DDL = "CREATE INDEX IF NOT EXISTS " + INDEX + " ON ACT_RU_TASK (DUE_DATE_)";

	PostgresTaskDueDateIndex() {
		super("postgres", INDEX, DDL);
	}

}
