package org.hikeshi.enginerest;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers the {@link EngineRestConflictMapper}s and {@link EngineRestNotFoundMapper}s in every Jersey application
 * of Hikeshi: the engine REST API ({@code /engine-rest}) and the webapps' own APIs, among them
 * {@code /camunda/api/engine}, which Tasklist calls to claim a task. The webapps' applications are fixed classes
 * that the starter hands to Jersey's servlet, so they cannot be extended as {@code /engine-rest} can; Jersey calls a
 * {@link ForcedAutoDiscoverable} listed in {@code META-INF/services} for each application it starts.
 */
public final class EngineRestMappers implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		register(context, EngineRestConflictMapper.TaskAlreadyClaimed.class);
		register(context, EngineRestConflictMapper.ConcurrentChange.class);
		register(context, EngineRestNotFoundMapper.OnNullValue.class);
		register(context, EngineRestNotFoundMapper.OnNotFound.class);
		register(context, EngineRestNotFoundMapper.OnRestException.class);
	}

	private static void register(FeatureContext context, Class<?> mapper) {
		if (!context.getConfiguration().isRegistered(mapper)) {
			context.register(mapper);
		}
	}

}
