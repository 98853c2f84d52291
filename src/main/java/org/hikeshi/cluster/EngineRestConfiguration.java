package org.hikeshi.cluster;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter configures it, plus our exception mappers: conflicts
 * answer {@code 409} with problem details ({@link EngineRestConflictMapper}). This is the starter's documented way
 * to extend the API: a bean of this type replaces the starter's own.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(EngineRestConflictMapper.TaskAlreadyClaimed.class);
		register(EngineRestConflictMapper.ConcurrentChange.class);
	}

}
