package org.branchlink.gateway.site;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.SiteViews.FederationTree;
import org.branchlink.gateway.site.SiteViews.LoadResult;
import org.branchlink.gateway.site.SiteViews.SiteDetail;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The site registry over HTTP. */
@RestController
@RequestMapping("/api/sites")
@Tag(name = "Sites", description = "The federation's hierarchy of sites (public); replacing it (CENTRAL_ADMIN)")
class SiteController {

	private final SiteDirectory directory;

	private final Audit audit;

	SiteController(SiteDirectory directory, Audit audit) {
		this.audit = audit;
		this.directory = directory;
	}

	@GetMapping
	@Public
	@Operation(summary = "The federation and its sites as a tree")
	FederationTree tree() {
		return FederationTree.of(registry());
	}

	@GetMapping("/{id}")
	@Public
	@Operation(summary = "One site with its parent, township and children")
	SiteDetail site(@PathVariable String id) {
		SiteRegistry registry = registry();
		return registry.find(id)
			.map(site -> SiteDetail.of(site, registry))
			.orElseThrow(() -> new NotFoundException("site", id));
	}

	@PutMapping(consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	@CentralAdminOnly
	@Operation(summary = "Replace the registry with a YAML registry file",
			description = "The file is loaded whole or refused whole (422 with every problem, each naming its line and "
					+ "site); the registry in force is untouched by a refused file.")
	LoadResult replace(@RequestBody String yaml, Authentication authentication) {
		var loaded = directory.load(yaml, "api-upload.yml", false);
		audit.record(authentication, Audit.REGISTRY_CHANGED, Map.of("accepted", loaded.isPresent(), "bytes", yaml.length()));
		SiteRegistry registry = loaded.orElseGet(directory::require);
		return new LoadResult(registry.federation().id(), registry.size(), loaded.isPresent(),
				registry.sites().stream().collect(Collectors.groupingBy(site -> site.kind().code(), TreeMap::new,
						Collectors.counting())));
	}

	private SiteRegistry registry() {
		return directory.current().orElseThrow(() -> new NotFoundException("site registry", "current"));
	}

}
