package org.hikeshi.security;

import org.hikeshi.incident.IncidentProcess;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The roles of our API as Spring Security authorities: a user's engine groups, each as {@code GROUP_<id>}
 * ({@link CamundaIdentityAuthenticationProvider}). The role matrix itself is in {@link SecurityConfiguration}.
 */
public final class Roles {

	public static final String GROUP_PREFIX = "GROUP_";

	public static final String COORDINATOR = GROUP_PREFIX + IncidentProcess.Groups.COORDINATORS;

	public static final String MANAGER = GROUP_PREFIX + IncidentProcess.Groups.MANAGERS;

	private Roles() {
	}

	public static boolean isManager(Authentication user) {
		return has(user, MANAGER);
	}

	static boolean has(Authentication user, String authority) {
		return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

}
