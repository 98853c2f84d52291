package org.hikeshi.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.hikeshi.TestDeployments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the engine deploys at start: Hikeshi's own diagrams, decisions and forms, found in its own class-path root and
 * named by their path from there, whatever jars and test classes are on the class path.
 */
class DeploymentResourcesTests {

	private static final List<String> PATTERNS = List.of("classpath:**/*.bpmn", "classpath:**/*.dmn",
			"classpath:**/*.form");

	@TempDir
	Path temp;

	@Test
	void shouldFindEveryFileOfProcessesAndFormsNamedByItsPathFromHikeshisRoot() {
		Set<Resource> resources = new DeploymentResources(properties(PATTERNS)).getDeploymentResources();

		assertThat(resources).extracting(DeploymentResourcesTests::name)
			.as("processes/ and forms/, nothing from a jar or the test classes")
			.containsExactlyInAnyOrderElementsOf(TestDeployments.sourceFiles());
	}

	@Test
	void shouldLookInTheRootItIsGivenNotInTheFirstOneOfTheClassPath() throws IOException {
		Path root = Files.createDirectories(this.temp.resolve("classes"));
		write(root.resolve("top.bpmn"), "<definitions/>");
		write(root.resolve("nested/deeper/inner.form"), "{}");
		write(root.resolve("nested/other.txt"), "not deployed");

		Set<Resource> resources = new DeploymentResources(
				properties(List.of("classpath:**/*.bpmn", "classpath:**/*.form", "classpath:**/*.dmn")),
				root.toUri().toString())
			.getDeploymentResources();

		assertThat(resources).extracting(DeploymentResourcesTests::name)
			.containsExactlyInAnyOrder("top.bpmn", "nested/deeper/inner.form");
	}

	@Test
	void shouldReadAJarRoot() throws IOException {
		Path jar = this.temp.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "app.bpmn", "<definitions/>");
			entry(out, "decisions/rate.dmn", "<definitions/>");
			entry(out, "decisions/readme.txt", "not deployed");
		}

		Set<Resource> resources = new DeploymentResources(properties(PATTERNS), "jar:" + jar.toUri() + "!/")
			.getDeploymentResources();

		assertThat(resources).extracting(DeploymentResourcesTests::name)
			.containsExactlyInAnyOrder("app.bpmn", "decisions/rate.dmn");
		for (Resource resource : resources) {
			try (var in = resource.getInputStream()) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<definitions/>");
			}
		}
	}

	@Test
	void shouldResolveOtherPatternsAsSpringDoes() {
		Set<Resource> resources = new DeploymentResources(properties(List.of("classpath*:bench/bare/*.bpmn20.xml")))
			.getDeploymentResources();

		assertThat(resources).singleElement()
			.satisfies(resource -> assertThat(resource).isNotInstanceOf(ContextResource.class))
			.satisfies(resource -> assertThat(resource.getFilename()).isEqualTo("loan-approval.bpmn20.xml"));
	}

	@Test
	void shouldFailTheStartWhenARootCannotBeRead() {
		DeploymentResources broken = new DeploymentResources(properties(PATTERNS),
				"jar:" + this.temp.resolve("missing.jar").toUri() + "!/");

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(broken::getDeploymentResources)
			.withMessageContaining("missing.jar")
			.withMessageContaining("classpath:**/*.bpmn");
	}

	@Test
	void shouldTakeTheFolderOrJarHikeshisClassesCameFromAsTheRoot() {
		assertThat(DeploymentResources.ownRoot()).as("the tests run from target/classes")
			.startsWith("file:")
			.endsWith("/target/classes/");
		assertThat(DeploymentResources.root("file:/opt/hikeshi/classes")).isEqualTo("file:/opt/hikeshi/classes/");
		assertThat(DeploymentResources.root("file:/opt/hikeshi/hikeshi.jar"))
			.isEqualTo("jar:file:/opt/hikeshi/hikeshi.jar!/");
		assertThat(DeploymentResources.root("jar:nested:/opt/hikeshi.jar/!BOOT-INF/classes/!/"))
			.isEqualTo("jar:nested:/opt/hikeshi.jar/!BOOT-INF/classes/!/");
	}

	private static String name(Resource resource) {
		assertThat(resource).isInstanceOf(ContextResource.class);
		return ((ContextResource) resource).getPathWithinContext();
	}

	private static CamundaBpmProperties properties(List<String> patterns) {
		CamundaBpmProperties properties = new CamundaBpmProperties();
		properties.setDeploymentResourcePattern(patterns.toArray(String[]::new));
		return properties;
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private static void entry(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

}
