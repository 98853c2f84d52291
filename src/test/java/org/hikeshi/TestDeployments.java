package org.hikeshi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

	/**
	 * The names of the files in the resource roots {@code processes/} and {@code forms/}: what the engine deploys at
	 * start, each under its file name.
	 */
	public static List<String> sourceFiles() {
		return Stream.of("processes", "forms").flatMap(folder -> {
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				return files.map(file -> file.getFileName().toString()).toList().stream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

}
