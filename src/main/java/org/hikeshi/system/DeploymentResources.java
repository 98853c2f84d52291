package org.hikeshi.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.ResourceUtils;
import org.springframework.util.StringUtils;

/**
 * What the engine deploys at start: {@code camunda.bpm.deployment-resource-pattern}, with its {@code classpath:}
 * patterns resolved in Hikeshi's own class-path root only, the one that holds Hikeshi's classes and the resource
 * roots {@code processes/} and {@code forms/}: {@code target/classes} when run from the build, {@code BOOT-INF/classes/}
 * of the packaged jar. Takes the place of the starter's {@code DefaultDeploymentConfiguration}, which the starter
 * creates only when there is no other {@link CamundaDeploymentConfiguration}.
 * <p>
 * Why: the starter's usual {@code classpath*:**}{@code /*.bpmn} walks every entry of every jar on the class path (about
 * 160), once per pattern, at every start, which cost 0.4 to 1 s of a restart (docs/performance.md), and would deploy any
 * {@code .bpmn}, {@code .dmn} or {@code .form} that a library happened to carry. A plain {@code classpath:} pattern
 * looks in the first class-path root only, which is Hikeshi's in the application but the test classes' in a test;
 * here it is always Hikeshi's.
 * <p>
 * Each resource found there is deployed under its path from that root ({@code incident-response.bpmn}), the same
 * name from the build as from the jar and in whatever folder Hikeshi runs; the starter names a file by its absolute
 * path ({@code /home/.../target/classes/incident-response.bpmn}). Patterns of any other kind ({@code classpath*:},
 * {@code file:}) are resolved as Spring resolves them and named as the starter names them.
 */
@Component
class DeploymentResources extends SpringBootProcessEnginePlugin implements CamundaDeploymentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeploymentResources.class);

	private final CamundaBpmProperties properties;

	private final PathMatchingResourcePatternResolver resolver;

	private final String root;

	@Autowired
	DeploymentResources(CamundaBpmProperties properties) {
		this(properties, ownRoot());
	}

	DeploymentResources(CamundaBpmProperties properties, String root) {
		this.properties = properties;
		this.resolver = new PathMatchingResourcePatternResolver(DeploymentResources.class.getClassLoader());
		this.root = root.endsWith("/") ? root : root + "/";
	}

	@Override
	public void preInit(SpringProcessEngineConfiguration configuration) {
		if (this.properties.isAutoDeploymentEnabled()) {
			Set<Resource> resources = getDeploymentResources();
			configuration.setDeploymentResources(resources.toArray(Resource[]::new));
			log.info("Deploying {} resources of {} when changed: {}", resources.size(), this.root,
					resources.stream().map(DeploymentResources::name).toList());
		}
	}

	@Override
	public Set<Resource> getDeploymentResources() {
		Set<Resource> found = new LinkedHashSet<>();
		for (String pattern : this.properties.getDeploymentResourcePattern()) {
			found.addAll(resolve(pattern.strip()));
		}
		return found;
	}

	private Set<Resource> resolve(String pattern) {
		boolean own = ownRootPattern(pattern);
		String location = own ? this.root + stripClasspathPrefix(pattern) : pattern;
		Set<Resource> resources = new LinkedHashSet<>();
		try {
			if (own && !this.resolver.getResource(this.root).exists()) {
				throw new IOException(this.root + " does not exist");
			}
			for (Resource resource : this.resolver.getResources(location)) {
				if (resource.isReadable() && !resource.getURL().toString().endsWith("/")) {
					resources.add(named(resource));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot resolve the deployment resources " + location + " (from "
					+ pattern + " in camunda.bpm.deployment-resource-pattern)", ex);
		}
		return resources;
	}

	private boolean ownRootPattern(String pattern) {
		return pattern.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX) && this.resolver.getPathMatcher()
			.isPattern(pattern.substring(ResourceUtils.CLASSPATH_URL_PREFIX.length()));
	}

	private static String stripClasspathPrefix(String pattern) {
		String path = pattern.substring(ResourceUtils.CLASSPATH_URL_PREFIX.length());
		return path.startsWith("/") ? path.substring(1) : path;
	}

	/** A resource below the root, named for the engine by its path from there; any other as it is. */
	private Resource named(Resource resource) throws IOException {
		URL url = resource.getURL();
		String path = null;
		if (resource.isFile() && this.root.startsWith(ResourceUtils.FILE_URL_PREFIX)) {
			Path folder = Path.of(URI.create(this.root));
			Path file = resource.getFile().toPath();
			if (file.startsWith(folder)) {
				path = StringUtils.cleanPath(folder.relativize(file).toString());
			}
		}
		else if (url.toExternalForm().startsWith(this.root)) {
			path = url.toExternalForm().substring(this.root.length());
		}
		return (path != null) ? new RootResource(url, path) : resource;
	}

	private static String name(Resource resource) {
		return resource instanceof ContextResource context ? context.getPathWithinContext() : resource.getDescription();
	}

	/**
	 * The class-path root these classes were loaded from, as a URL ending in {@code /}: a folder
	 * ({@code file:.../target/classes/}), a folder in the packaged jar ({@code jar:nested:...!/BOOT-INF/classes/!/}), or a
	 * plain jar ({@code file:.../hikeshi.jar}, taken as {@code jar:file:.../hikeshi.jar!/}).
	 */
	static String ownRoot() {
		CodeSource source = DeploymentResources.class.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			throw new IllegalStateException("cannot tell where Hikeshi's classes were loaded from, so cannot find "
					+ "the processes and forms to deploy");
		}
		return root(source.getLocation().toExternalForm());
	}

	static String root(String location) {
		if (location.startsWith(ResourceUtils.FILE_URL_PREFIX) && location.endsWith(ResourceUtils.JAR_FILE_EXTENSION)) {
			return ResourceUtils.JAR_URL_PREFIX + location + ResourceUtils.JAR_URL_SEPARATOR;
		}
		return location.endsWith("/") ? location : location + "/";
	}

	/** What the engine names a resource by: {@link ContextResource#getPathWithinContext()}. */
	static final class RootResource extends UrlResource implements ContextResource {

		private final String path;

		RootResource(URL url, String path) {
			super(url);
			this.path = path;
		}

		@Override
		public String getPathWithinContext() {
			return this.path;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RootResource resource && super.equals(resource) && this.path.equals(resource.path);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

	}

}
