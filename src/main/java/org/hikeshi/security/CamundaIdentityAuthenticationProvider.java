package org.hikeshi.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API credentials against the engine's identity service, so that the API, the webapps and
 * {@code /engine-rest} share one set of users; the user's groups become authorities {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (user == null || credentials == null
				|| !this.identityService.checkPassword(user, credentials.toString())) {
			throw new BadCredentialsException("Bad user name or password");
		}
		List<SimpleGrantedAuthority> authorities = this.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.map(id -> new SimpleGrantedAuthority(Roles.GROUP_PREFIX + id))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
