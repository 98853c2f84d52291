package org.hikeshi.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and headers of the web layer ({@code hikeshi.security.*}).
 *
 * @param maxApiRequestSize the largest body {@code /api} takes (an intake is a few kilobytes)
 * @param maxEngineRestRequestSize the largest body {@code /engine-rest} takes: a deployment of diagrams and forms
 * @param hstsMaxAge how long browsers keep to HTTPS (Strict-Transport-Security), sent on HTTPS requests only
 * @param contentSecurityPolicy the Content-Security-Policy of our own pages and API (the Camunda webapps under
 * {@code /camunda} send their own)
 */
@ConfigurationProperties("hikeshi.security")
record WebSecurityProperties(@DefaultValue("256KB") DataSize maxApiRequestSize,
		@DefaultValue("10MB") DataSize maxEngineRestRequestSize, @DefaultValue("365d") Duration hstsMaxAge,
		@DefaultValue(DEFAULT_CSP) String contentSecurityPolicy) {

	static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

}
