package org.hikeshi.pricing;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service catalog, its versions and the priced packages; managers publish new versions. */
@RestController
@RequestMapping("/api/pricing")
@Tag(name = "Pricing catalog", description = "Menu items, named packages and catalog versions")
@SecurityRequirement(name = "basic")
class CatalogController {

	private final CatalogService catalogs;

	private final Validator validator;

	CatalogController(CatalogService catalogs, Validator validator) {
		this.catalogs = catalogs;
		this.validator = validator;
	}

	@GetMapping("/catalog")
	@Operation(summary = "The current catalog version",
			description = "Items and packages of the newest version, the one new quotes use. The body can be "
					+ "changed and posted to /api/pricing/catalog/versions as a new version.")
	Catalog current() {
		return this.catalogs.current();
	}

	@GetMapping("/catalog/versions")
	@Operation(summary = "All catalog versions, newest first")
	List<CatalogVersion> versions() {
		return this.catalogs.versions();
	}

	@GetMapping("/catalog/versions/{version}")
	@Operation(summary = "One catalog version with its items and packages")
	@ApiResponse(responseCode = "404", description = "No such version")
	Catalog version(@PathVariable int version) {
		return this.catalogs.version(version);
	}

	@PostMapping("/catalog/versions")
	@Operation(summary = "Publish a new catalog version (managers)",
			description = "Prices change without a rebuild: the new version applies to quotes drafted from now on; "
					+ "existing quotes keep the version they were drafted with. A package with an advertised price "
					+ "must add up to it.")
	@ApiResponse(responseCode = "201", description = "Published; Location points at the version")
	@ApiResponse(responseCode = "400", description = "Invalid catalog: problem details with the field errors")
	@ApiResponse(responseCode = "403", description = "Not a member of managers")
	ResponseEntity<Catalog> publish(@RequestBody PublishCatalogRequest request,
			@Parameter(hidden = true) Authentication authentication) {
		// the group first, so that only managers learn what a valid catalog needs
		String manager = Access.requireAny(authentication, "publish catalog versions", Access.MANAGERS);
		validate(request);
		Catalog catalog = this.catalogs.publish(request, manager);
		return ResponseEntity.created(URI.create("/api/pricing/catalog/versions/" + catalog.version())).body(catalog);
	}

	private void validate(PublishCatalogRequest request) {
		var violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw new PricingInputException(violations.stream()
				.sorted(java.util.Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
				.map(v -> new PricingInputException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
				.toList());
		}
	}

	@GetMapping("/packages")
	@Operation(summary = "The named packages with their computed prices",
			description = "subtotal is the price without tax (the published example price), total includes the "
					+ "consumption tax. Of the current catalog version unless version is given.")
	List<PricedPackage> packages(@RequestParam(required = false) Integer version) {
		return version == null ? this.catalogs.currentPackages() : this.catalogs.packages(version);
	}

}
