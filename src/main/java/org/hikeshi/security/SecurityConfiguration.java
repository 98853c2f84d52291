package org.hikeshi.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the role matrix of every endpoint group in one place (docs/security.md lists it).
 * <ul>
 * <li>{@code /api}: HTTP Basic against the engine's users (the same users as the webapps and {@code /engine-rest});
 * managers' tools for managers, the rest for coordinators and managers; a confidential incident is not found by
 * anyone else ({@link IncidentVisibilityFilter}).</li>
 * <li>{@code /engine-rest}: Camunda's own {@link ProcessEngineAuthenticationFilter} (HTTP Basic, so that Camunda
 * Modeler can deploy with a user name and password); what a user may do there is decided by Camunda
 * authorization ({@link RoleAuthorizations}).</li>
 * <li>{@code /camunda} (Tasklist, Cockpit, Admin): the webapps' own login, session and CSRF protection, and Camunda
 * authorization.</li>
 * <li>Public: the client status page ({@code /status/{token}}, the token is the credential) and health.</li>
 * </ul>
 * Every answer of ours carries a Content-Security-Policy, and HSTS on HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Paths answered by ourselves, not by the Camunda webapps (which send their own security headers). */
	private static final NegatedRequestMatcher NOT_CAMUNDA_WEBAPPS = new NegatedRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"));

	/** The role matrix of {@code /api}: the first rule that matches a request decides who may make it. */
	static final List<ApiRule> API_RULES = List.of(
			// managers' tools
			new ApiRule(null, "/api/notifications/**", IncidentProcess.Groups.MANAGERS),
			new ApiRule(null, "/api/audit/**", IncidentProcess.Groups.MANAGERS),
			new ApiRule(HttpMethod.POST, "/api/pricing/catalog/versions", IncidentProcess.Groups.MANAGERS),
			// casework
			new ApiRule(null, "/api/**", IncidentProcess.Groups.COORDINATORS, IncidentProcess.Groups.MANAGERS));

	/** Requests of this method (any when null) and path are for members of these groups only. */
	record ApiRule(HttpMethod method, String pattern, String... groups) {

		RequestMatcher matcher() {
			return PathPatternRequestMatcher.withDefaults().matcher(this.method, this.pattern);
		}

		String[] authorities() {
			return Arrays.stream(this.groups).map(g -> Roles.GROUP_PREFIX + g).toArray(String[]::new);
		}

		static Optional<ApiRule> of(HttpServletRequest request) {
			return API_RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
		}

	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
			IdentityService identityService, IncidentService incidents, WebSecurityProperties properties)
			throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(requests -> {
				for (ApiRule rule : API_RULES) {
					requests.requestMatchers(rule.matcher()).hasAnyAuthority(rule.authorities());
				}
				// the API description, for anyone signed in
				requests.anyRequest().authenticated();
			})
			.authenticationProvider(users)
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
			.csrf(AbstractHttpConfigurer::disable) // stateless, credentials on every request, no cookies
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(new IncidentVisibilityFilter(incidents), AuthorizationFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), IncidentVisibilityFilter.class);
		headers(http, properties);
		return http.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain everythingElse(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
			WebSecurityProperties properties) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// protect themselves: the webapps (own login, session, CSRF filter) and the engine REST API (the
			// engine's authentication filter below); both under Camunda authorization
			.requestMatchers("/camunda/**", "/engine-rest/**")
			.permitAll()
			// public: the client's status page (the token is the credential), health for load balancers, the
			// start page (a redirect to Tasklist's login) and error pages
			.requestMatchers("/status/**", "/actuator/health", "/actuator/health/**", "/", "/error", "/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationProvider(users)
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
			// no session of ours and no form: the webapps' CSRF filter guards their own session
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		headers(http, properties);
		return http.build();
	}

	/** Content-Security-Policy on our answers; HSTS on HTTPS requests; frames only from our own pages. */
	private static void headers(HttpSecurity http, WebSecurityProperties properties) throws Exception {
		http.headers(headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
			.httpStrictTransportSecurity(
					hsts -> hsts.maxAgeInSeconds(properties.hstsMaxAge().toSeconds()).includeSubDomains(true))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(NOT_CAMUNDA_WEBAPPS,
					new ContentSecurityPolicyHeaderWriter(properties.contentSecurityPolicy()))));
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Hikeshi\", charset=\"UTF-8\"");
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Sign in with the user name and password of a Hikeshi user (HTTP Basic).");
		};
	}

	/** A 403 that says which groups may make the request. */
	private static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				"Forbidden",
				ApiRule.of(request)
					.map(rule -> "Only members of " + String.join(" or ", rule.groups()) + " may "
							+ request.getMethod() + " " + request.getRequestURI() + ".")
					.orElse("You may not " + request.getMethod() + " " + request.getRequestURI() + ".")
						+ " See the roles in docs/security.md.");
	}

	@Bean
	FilterRegistrationBean<Filter> engineRestAuthentication() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-auth");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	/** Before everything else, authentication included: a body over the limit is not even looked at. */
	@Bean
	FilterRegistrationBean<Filter> apiRequestSizeLimit(WebSecurityProperties properties) {
		return sizeLimit("api-request-size-limit", "/api/*", properties.maxApiRequestSize().toBytes());
	}

	@Bean
	FilterRegistrationBean<Filter> engineRestRequestSizeLimit(WebSecurityProperties properties) {
		return sizeLimit("engine-rest-request-size-limit", "/engine-rest/*",
				properties.maxEngineRestRequestSize().toBytes());
	}

	private static FilterRegistrationBean<Filter> sizeLimit(String name, String urlPattern, long bytes) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(bytes));
		registration.setName(name);
		registration.addUrlPatterns(urlPattern);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
