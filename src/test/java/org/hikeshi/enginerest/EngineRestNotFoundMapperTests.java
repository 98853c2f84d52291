package org.hikeshi.enginerest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which exceptions become a {@code 404}: only the engine's "Cannot find task with id" for the very task of the
 * path; anything else of the same types keeps Camunda's own answer (the whole API is exercised in
 * {@code BadInputTests}).
 */
class EngineRestNotFoundMapperTests {

	@Test
	void shouldAnswerTheMissingTaskOfThePathWithNotFound() {
		Response response = mapper(new EngineRestNotFoundMapper.OnNullValue(), "task/t-1/claim")
			.toResponse(new NullValueException("Cannot find task with id t-1: task is null"));

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getMediaType()).isEqualTo(EngineRestProblem.PROBLEM_JSON);
		assertThat(problem(response)).containsEntry("title", "Task not found")
			.containsEntry("status", 404)
			.containsEntry("instance", "/engine-rest/task/t-1/claim")
			.containsEntry("detail",
					"There is no task t-1. It may have been completed or deleted in the meantime; reload the task list.");
	}

	@Test
	void shouldFindTheMissingTaskBehindTheRestLayersWrapping() {
		RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
				new NullValueException("Cannot find task with id t-1: task is null"), "Cannot complete task t-1: ...");

		assertThat(mapper(new EngineRestNotFoundMapper.OnRestException(), "task/t-1/complete").toResponse(wrapped)
			.getStatus()).isEqualTo(404);
		assertThat(mapper(new EngineRestNotFoundMapper.OnNotFound(), "task/t-1/unclaim")
			.toResponse(new NotFoundException("Cannot find task with id t-1: task is null"))
			.getStatus()).isEqualTo(404);
	}

	@Test
	void shouldLeaveEveryOtherFailureToCamunda() {
		// a listener of an existing task failing on a null: a server error, as Camunda says
		Response listener = mapper(new EngineRestNotFoundMapper.OnNullValue(), "task/t-1/claim")
			.toResponse(new NullValueException("Cannot find execution with id e-9: execution is null"));
		assertThat(listener.getStatus()).isEqualTo(500);
		assertThat(listener.getMediaType()).isNotEqualTo(EngineRestProblem.PROBLEM_JSON);
		// another task than the path's (t-10 is not t-1)
		assertThat(mapper(new EngineRestNotFoundMapper.OnNullValue(), "task/t-1/claim")
			.toResponse(new NullValueException("Cannot find task with id t-10: task is null"))
			.getStatus()).isEqualTo(500);
		// not a task path
		assertThat(mapper(new EngineRestNotFoundMapper.OnNullValue(), "process-instance/t-1/variables")
			.toResponse(new NullValueException("Cannot find task with id t-1: task is null"))
			.getStatus()).isEqualTo(500);
		// a RestException of another cause keeps its status
		RestException badRequest = new RestException(Response.Status.BAD_REQUEST,
				new ProcessEngineException("form field invalid"), "Cannot submit task form t-1: form field invalid");
		assertThat(mapper(new EngineRestNotFoundMapper.OnRestException(), "task/t-1/submit-form")
			.toResponse(badRequest)
			.getStatus()).isEqualTo(400);
		// Camunda's NotFoundException of something else stays its 400
		assertThat(mapper(new EngineRestNotFoundMapper.OnNotFound(), "task/t-1/identity-links")
			.toResponse(new NotFoundException("No group found with id managers"))
			.getStatus()).isEqualTo(400);
	}

	private static <M extends EngineRestNotFoundMapper<?>> M mapper(M mapper, String path) {
		UriInfo uri = mock(UriInfo.class);
		given(uri.getPath()).willReturn(path);
		given(uri.getBaseUri()).willReturn(URI.create("http://localhost/engine-rest/"));
		List<PathSegment> segments = Arrays.stream(path.split("/")).map(EngineRestNotFoundMapperTests::segment).toList();
		given(uri.getPathSegments()).willReturn(segments);
		ReflectionTestUtils.setField(mapper, "uri", uri);
		return mapper;
	}

	private static PathSegment segment(String path) {
		PathSegment segment = mock(PathSegment.class);
		given(segment.getPath()).willReturn(path);
		return segment;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(Response response) {
		return (Map<String, Object>) response.getEntity();
	}

}
