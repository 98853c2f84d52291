package org.hikeshi.manager;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hikeshi.manager.MigrationService.MigrationReport;
import org.hikeshi.manager.ManagerException.Problem;
import org.hikeshi.manager.ModelerService.Definition;
import org.hikeshi.manager.ModelerService.DeployRequest;
import org.hikeshi.manager.ModelerService.Deployed;
import org.hikeshi.manager.ModelerService.Editor;
import org.hikeshi.manager.ModelerService.ResourceContent;
import org.hikeshi.manager.ModelerService.RunningInstance;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON endpoints of the browser modeler (managers, session login, CSRF token on every POST). */
@RestController
@RequestMapping("/modeler/api")
class ModelerController {

	private static final int MAX_CONTENT = 5 * 1024 * 1024;

	private final ModelerService modeler;

	private final MigrationService migrations;

	ModelerController(ModelerService modeler, MigrationService migrations) {
		this.modeler = modeler;
		this.migrations = migrations;
	}

	@GetMapping("/definitions")
	List<Definition> definitions() {
		return this.modeler.definitions();
	}

	@GetMapping("/resource")
	ResourceContent resource(@RequestParam String deploymentId, @RequestParam String name) {
		return this.modeler.content(deploymentId, name);
	}

	@PostMapping("/validate")
	Map<String, List<Problem>> validate(@Valid @RequestBody Edit edit) {
		return Map.of("problems", this.modeler.validate(edit.resourceName(), edit.content()));
	}

	@PostMapping("/deployments")
	ResponseEntity<Deployed> deploy(@Valid @RequestBody Deployment deployment, Authentication user) {
		Deployed deployed = this.modeler.deploy(editor(user), new DeployRequest(deployment.resourceName(),
				deployment.content(), deployment.baseDeploymentId(), deployment.note()));
		return ResponseEntity.created(URI.create("/engine-rest/deployment/" + deployed.deploymentId())).body(deployed);
	}

	@GetMapping("/processes/{key}/running")
	List<RunningInstance> running(@PathVariable String key) {
		return this.modeler.running(key);
	}

	@PostMapping("/migrations/preview")
	MigrationReport preview(@Valid @RequestBody Migration migration, Authentication user) {
		return this.migrations.preview(editor(user), migration.sourceDefinitionId(), migration.targetDefinitionId());
	}

	@PostMapping("/migrations")
	MigrationReport migrate(@Valid @RequestBody Migration migration, Authentication user) {
		return this.migrations.execute(editor(user), migration.sourceDefinitionId(), migration.targetDefinitionId());
	}


	static Editor editor(Authentication user) {
		return new Editor(user.getName(),
				user.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter(a -> a.startsWith("GROUP_"))
					.map(a -> a.substring("GROUP_".length()))
					.toList());
	}

	record Edit(@NotBlank @Size(max = 255) String resourceName, @NotBlank @Size(max = MAX_CONTENT) String content) {
	}

	record Deployment(@NotBlank @Size(max = 255) String resourceName,
			@NotBlank @Size(max = MAX_CONTENT) String content, @Size(max = 64) String baseDeploymentId,
			@NotBlank @Size(max = 2000) String note) {
	}

	record Migration(@NotBlank String sourceDefinitionId, @NotBlank String targetDefinitionId) {
	}

}
