package org.hikeshi.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. Our API ({@code /api}, {@code /v3/api-docs}, Swagger UI) takes HTTP Basic against the
 * engine's users; {@code /engine-rest} is guarded by Camunda's own {@link ProcessEngineAuthenticationFilter}
 * (HTTP Basic, so Camunda Modeler can deploy with a user name and password); the webapps keep their own login
 * and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
			IdentityService identityService) throws Exception {
		return http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.authenticationProvider(users)
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable) // stateless, credentials on every request, no cookies
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		// /camunda/** (own login + CSRF filter) and /engine-rest/** (engine authentication filter) protect
		// themselves; health is public; anything else is the redirect at / or static content
		return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.build();
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

}
