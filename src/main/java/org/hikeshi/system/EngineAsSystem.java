package org.hikeshi.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads of the engine that Hikeshi makes for itself, not for the user whose request happens to be running: a
 * report's timeline and variables, the managers to mail. Run with the engine's authentication set aside, so that
 * neither Camunda authorization nor the query result limit (both apply to an authenticated user) cut them short;
 * who may see the result is decided before, by our API's role rules.
 */
public final class EngineAsSystem {

	private EngineAsSystem() {
	}

	public static <T> T call(IdentityService identityService, Supplier<T> work) {
		Authentication current = identityService.getCurrentAuthentication();
		if (current == null) {
			return work.get();
		}
		identityService.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			identityService.setAuthentication(current);
		}
	}

}
