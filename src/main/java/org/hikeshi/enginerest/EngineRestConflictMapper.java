package org.hikeshi.enginerest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conflicts in the engine REST API as {@code 409 Conflict} with RFC 7807 problem details, where Camunda answers a
 * generic {@code 500}: a task claimed by someone else ({@link TaskAlreadyClaimedException}), or a change that lost
 * the race against another request on this or another node ({@link OptimisticLockingException}, e.g. two
 * coordinators claiming the same task at the same moment). The body also carries Camunda's own {@code message}, which
 * Tasklist shows.
 */
public abstract class EngineRestConflictMapper<E extends ProcessEngineException> implements ExceptionMapper<E> {

	private static final Logger log = LoggerFactory.getLogger(EngineRestConflictMapper.class);

	@Context
	private UriInfo uri;

	@Override
	public Response toResponse(E exception) {
		String path = EngineRestProblem.path(this.uri);
		boolean claim = path != null && path.endsWith("/claim");
		log.info("409 for {}: {}", path, exception.getMessage());
		return EngineRestProblem.of(this.uri, Response.Status.CONFLICT, title(claim), detail(exception, claim));
	}

	abstract String title(boolean claim);

	abstract String detail(E exception, boolean claim);

	/** A claim of a task that has an assignee already. */
	@Provider
	public static final class TaskAlreadyClaimed extends EngineRestConflictMapper<TaskAlreadyClaimedException> {

		@Override
		String title(boolean claim) {
			return "Task already claimed";
		}

		@Override
		String detail(TaskAlreadyClaimedException exception, boolean claim) {
			return "Task " + exception.getTaskId() + " is already claimed by " + exception.getTaskAssignee()
					+ ". Ask them to unclaim it, or pick another task.";
		}

	}

	/** A change that another request committed first (on any node); the loser's transaction was rolled back. */
	@Provider
	public static final class ConcurrentChange extends EngineRestConflictMapper<OptimisticLockingException> {

		@Override
		String title(boolean claim) {
			return claim ? "Task already claimed" : "Changed concurrently";
		}

		@Override
		String detail(OptimisticLockingException exception, boolean claim) {
			return claim ? "Someone else claimed this task at the same moment. Reload the task list to see who has it."
					: "Someone else changed the same data at the same moment, so nothing was changed. "
							+ "Reload and try again.";
		}

	}

}
