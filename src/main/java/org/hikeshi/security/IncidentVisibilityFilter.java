package org.hikeshi.security;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentNotFoundException;
import org.hikeshi.incident.IncidentService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Confidential incidents in our API: {@code /api/incidents/{id}} and everything below it (reports, quote, invoice,
 * expenses, ...) answer 404 to a user who may not see the incident ({@link Incident#visibleTo}), exactly as if there
 * were no such incident, so that not even its existence leaks. One place for every present and future endpoint of
 * an incident; the incident list filters the same way ({@code IncidentController}).
 */
class IncidentVisibilityFilter extends OncePerRequestFilter {

	private static final Pattern INCIDENT_PATH = Pattern.compile("^/api/incidents/(\\d{1,18})(/.*)?$");

	private final IncidentService incidents;

	IncidentVisibilityFilter(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher path = INCIDENT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (path.matches() && user != null && !Roles.isManager(user)) {
			long id = Long.parseLong(path.group(1));
			Optional<Incident> incident = find(id);
			if (incident.isPresent() && !incident.get().visibleTo(user.getName(), false)) {
				ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "Incident not found",
						new IncidentNotFoundException(id).getMessage());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private Optional<Incident> find(long id) {
		try {
			return Optional.of(this.incidents.get(id));
		}
		catch (IncidentNotFoundException ex) {
			return Optional.empty(); // the controller answers the 404 itself
		}
	}

}
