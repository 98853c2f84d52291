package org.hikeshi.enginerest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** One RFC 7807 answer of the engine's REST API, which also carries Camunda's own {@code message} field. */
final class EngineRestProblem {

	static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

	private EngineRestProblem() {
	}

	/** The path of the request below the application, with a leading slash; {@code null} if unknown. */
	static String path(UriInfo uri) {
		return uri == null ? null : "/" + uri.getPath();
	}

	static Response of(UriInfo uri, Response.Status status, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.getStatusCode());
		problem.put("detail", detail);
		String path = path(uri);
		if (path != null) {
			problem.put("instance", uri.getBaseUri().getPath().replaceAll("/$", "") + path);
		}
		// Camunda's own error field, so that Tasklist and Camunda's REST clients show the message as usual
		problem.put("message", detail);
		return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
	}

}
