package org.hikeshi;

import org.camunda.bpm.model.bpmn.Bpmn;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

public final class TestDeployments {

	private TestDeployments() {
	}

	/** The multipart body of {@code POST /engine-rest/deployment/create} with one empty, safe process. */
	public static MultiValueMap<String, Object> deployment(String key) {
		String bpmn = Bpmn.convertToString(
				Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30).startEvent().endEvent().done());
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", key);
		parts.add("data", new ByteArrayResource(bpmn.getBytes()) {

			@Override
			public String getFilename() {
				return key + ".bpmn";
			}

		});
		return parts;
	}

}
