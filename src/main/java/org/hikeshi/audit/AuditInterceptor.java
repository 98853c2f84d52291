package org.hikeshi.audit;

import java.security.Principal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every change made through our API once it succeeded: who (the signed-in user), what (the API operation,
 * method and path, the answer's status), when, and the incident it concerns. Reads are not recorded; refused and
 * failed requests change nothing, so they are not either.
 */
class AuditInterceptor implements HandlerInterceptor {

	private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final Pattern INCIDENT = Pattern.compile("/api/incidents/(\\d{1,18})(?:/|$)");

	private final AuditService audit;

	AuditInterceptor(AuditService audit) {
		this.audit = audit;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Principal user = request.getUserPrincipal();
		if (ex != null || user == null || response.getStatus() >= 400 || !CHANGES.contains(request.getMethod())
				|| !(handler instanceof HandlerMethod method)) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String action = method.getBeanType().getSimpleName().replaceFirst("Controller$", "") + "."
				+ method.getMethod().getName();
		this.audit.record(user.getName(), action, request.getMethod(), path, response.getStatus(),
				incidentId(path, response.getHeader(HttpHeaders.LOCATION)));
	}

	/** The incident in the path, or, for a new incident, in the Location of the answer. */
	static Long incidentId(String path, String location) {
		Matcher inPath = INCIDENT.matcher(path);
		if (inPath.find()) {
			return Long.valueOf(inPath.group(1));
		}
		if (location != null) {
			Matcher created = INCIDENT.matcher(location);
			if (created.find()) {
				return Long.valueOf(created.group(1));
			}
		}
		return null;
	}

}
