package org.hikeshi.enginerest;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request about a task that does not exist (completed or deleted meanwhile, or a wrong id) as {@code 404 Not
 * Found} with RFC 7807 problem details, under {@code /task/{id}/...}. Camunda answers claiming, delegating,
 * resolving, completing a task or submitting its form with a {@code 500} (the engine's {@link NullValueException}
 * "Cannot find task with id ...", for completing and submitting wrapped by the REST layer in a {@link RestException}
 * of status 500), and unclaiming, assigning or adding an identity link with a {@code 400} (its
 * {@link NotFoundException}). Only that message, naming the very task of the path, is answered here; every other
 * exception of these types goes to Camunda's own handler unchanged (a {@code NullValueException} thrown by a listener
 * of an existing task stays a {@code 500}).
 */
public abstract class EngineRestNotFoundMapper<E extends Exception> implements ExceptionMapper<E> {

	private static final Logger log = LoggerFactory.getLogger(EngineRestNotFoundMapper.class);

	private static final String TASKS = "task";

	/** Camunda's own mapper of the same exceptions, for every other case. */
	private final ExceptionMapper<? super E> camunda;

	@Context
	private UriInfo uri;

	EngineRestNotFoundMapper(ExceptionMapper<? super E> camunda) {
		this.camunda = camunda;
	}

	@Override
	public Response toResponse(E exception) {
		String taskId = unknownTask(exception);
		if (taskId == null) {
			return this.camunda.toResponse(exception);
		}
		log.info("404 for {}: {}", EngineRestProblem.path(this.uri), exception.getMessage());
		return EngineRestProblem.of(this.uri, Response.Status.NOT_FOUND, "Task not found", "There is no task "
				+ taskId + ". It may have been completed or deleted in the meantime; reload the task list.");
	}

	/** The task id of the path, if the engine failed because there is no such task; otherwise {@code null}. */
	private String unknownTask(Throwable exception) {
		String taskId = taskIdOfPath();
		if (taskId == null) {
			return null;
		}
		String notFound = "Cannot find task with id " + taskId + ":";
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if ((cause instanceof NullValueException || cause instanceof NotFoundException) && cause.getMessage() != null
					&& cause.getMessage().startsWith(notFound)) {
				return taskId;
			}
		}
		return null;
	}

	/** The segment after {@code task} in {@code .../task/{id}/claim} and the like. */
	private String taskIdOfPath() {
		if (this.uri == null) {
			return null;
		}
		List<PathSegment> segments = this.uri.getPathSegments();
		for (int i = segments.size() - 2; i >= 0; i--) {
			if (TASKS.equals(segments.get(i).getPath())) {
				return segments.get(i + 1).getPath();
			}
		}
		return null;
	}

	/** Claim, delegate, resolve. */
	@Provider
	public static final class OnNullValue extends EngineRestNotFoundMapper<NullValueException> {

		public OnNullValue() {
			super(new ProcessEngineExceptionHandler());
		}

	}

	/** Unclaim, assignee, identity links. */
	@Provider
	public static final class OnNotFound extends EngineRestNotFoundMapper<NotFoundException> {

		public OnNotFound() {
			super(new ProcessEngineExceptionHandler());
		}

	}

	/**
	 * Complete and submit-form, which wrap the engine's exception. Of the same type as Camunda's
	 * {@link RestExceptionHandler}, so it takes precedence by its priority.
	 */
	@Provider
	@Priority(Priorities.USER - 100)
	public static final class OnRestException extends EngineRestNotFoundMapper<RestException> {

		public OnRestException() {
			super(new RestExceptionHandler());
		}

	}

}
