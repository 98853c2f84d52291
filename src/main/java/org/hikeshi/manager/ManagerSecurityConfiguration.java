package org.hikeshi.manager;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.hikeshi.incident.IncidentProcess;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The managers' pages and their JSON endpoints: a session login (our form at {@value #LOGIN}, checked against the
 * engine's users), CSRF protection on every change, members of {@code managers} only. Anonymous page requests are
 * sent to the login; anonymous JSON requests get 401, other users 403, as problem details.
 */
@Configuration(proxyBeanMethods = false)
class ManagerSecurityConfiguration {

	static final String LOGIN = "/manager/login";

	static final String DENIED = "/manager/denied";

	static final String MANAGERS = "GROUP_" + IncidentProcess.Groups.MANAGERS;

	/** Scripts only from our own bundles; bpmn-js, dmn-js and form-js set inline styles on what they draw. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher JSON = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/modeler/api/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/dashboard/api/**"));

	@Bean
	@Order(10)
	SecurityFilterChain managerTools(HttpSecurity http,
			@Qualifier("camundaIdentityAuthenticationProvider") AuthenticationProvider users, ObjectMapper json)
			throws Exception {
		AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
		deniedPage.setErrorPage(DENIED);
		return http.securityMatcher("/modeler", "/modeler/**", "/dashboard", "/dashboard/**", "/manager/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN, DENIED, "/manager/assets/**",
					"/manager/css/**")
				.permitAll()
				.anyRequest()
				.hasAuthority(MANAGERS))
			.authenticationProvider(users)
			.formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/dashboard").failureUrl(LOGIN + "?error"))
			.logout(logout -> logout.logoutUrl("/manager/logout").logoutSuccessUrl(LOGIN + "?logout"))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(
						(request, response, ex) -> problem(json, response, HttpStatus.UNAUTHORIZED,
								"Log in at " + LOGIN + " as a member of managers"),
						JSON)
				.defaultAccessDeniedHandlerFor((request, response, ex) -> problem(json, response,
						HttpStatus.FORBIDDEN, "Only members of managers may use the managers' tools (or the CSRF "
								+ "token of the page is missing or stale)"),
						JSON)
				.defaultAccessDeniedHandlerFor(deniedPage, request -> true))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny()))
			.build();
	}

	private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
