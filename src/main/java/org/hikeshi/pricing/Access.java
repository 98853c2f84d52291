package org.hikeshi.pricing;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.hikeshi.incident.IncidentProcess;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who may change prices and quotes: group memberships as the API's authentication grants them. */
final class Access {

	static final String MANAGERS = "GROUP_" + IncidentProcess.Groups.MANAGERS;

	static final String COORDINATORS = "GROUP_" + IncidentProcess.Groups.COORDINATORS;

	private Access() {
	}

	/** Passes when the user has one of the authorities, else a 403 naming what is needed. */
	static String requireAny(Authentication authentication, String action, String... authorities) {
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new PricingForbiddenException("Only signed-in users may " + action + ".");
		}
		Set<String> granted = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		if (Arrays.stream(authorities).noneMatch(granted::contains)) {
			throw new PricingForbiddenException("Only members of " + Arrays.stream(authorities)
				.map(a -> a.substring("GROUP_".length()))
				.collect(Collectors.joining(" or ")) + " may " + action + ".");
		}
		return authentication.getName();
	}

}
