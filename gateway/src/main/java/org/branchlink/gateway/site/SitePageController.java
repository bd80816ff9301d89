package org.branchlink.gateway.site;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.gateway.web.SiteLabels;
import org.branchlink.site.CountySettings;
import org.branchlink.site.RegistryChangedException;
import org.branchlink.site.RegistryProblem;
import org.branchlink.site.RegistryValidationException;
import org.branchlink.site.ServiceLine;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteDraft;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteNode;
import org.branchlink.site.SiteRegistry;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The site registry edited in pages, for the central administrator: the tree (townships fold), a site's form (names,
 * kind, service lines, area code, address, opening hours, location), a new site under a parent, a site moved to another
 * parent. Every change is the registry in force with one site changed, loaded through the same validation as a
 * registry file ({@link SiteDirectory#change}); a refused change comes back with each problem beside the field it names
 * (or naming the other site it concerns) and the registry in force untouched. Accepted changes are audited
 * ({@value Audit#REGISTRY_CHANGED}) as uploads are.
 */
@Controller
class SitePageController {

	private static final String SOURCE = "sites-page.yml";

	private final SiteDirectory directory;

	private final Audit audit;

	private final PageMessages pageMessages;

	private final RegistryProblemText problemText;

	private final SiteLabels labels;

	private final AuditEventRepository auditEvents;

	private final ZoneId zone;

	SitePageController(SiteDirectory directory, Audit audit, PageMessages pageMessages, RegistryProblemText problemText,
			SiteLabels labels, AuditEventRepository auditEvents, CountySettings county) {
		this.auditEvents = auditEvents;
		this.zone = county.zone();
		this.directory = directory;
		this.audit = audit;
		this.pageMessages = pageMessages;
		this.problemText = problemText;
		this.labels = labels;
	}

	@ModelAttribute("user")
	BranchLinkUser user(@AuthenticationPrincipal BranchLinkUser user) {
		return user;
	}

	@GetMapping("/sites/manage")
	@CentralAdminOnly
	String tree(Model model) {
		SiteRegistry registry = directory.require();
		model.addAttribute("tree", registry.tree());
		model.addAttribute("federation", registry.federation());
		model.addAttribute("siteCount", registry.size());
		return "sites-manage";
	}

	@GetMapping("/sites/manage/new")
	@CentralAdminOnly
	String blank(@RequestParam(required = false) String parent, Model model) {
		SiteRegistry registry = directory.require();
		Optional<Site> under = Optional.ofNullable(parent).flatMap(registry::find);
		SiteDraft draft = under.map(SitePageController::childOf)
			.orElse(new SiteDraft("", "", "", "", List.of(), "", "", "", "", "", "", ""));
		return form(registry, null, draft, List.of(), null, model);
	}

	@PostMapping("/sites/manage")
	@CentralAdminOnly
	String add(@ModelAttribute SiteDraft draft, Authentication authentication, Model model, RedirectAttributes redirect) {
		return change(null, draft, "add", null, authentication, model, redirect);
	}

	@GetMapping("/sites/manage/{id}")
	@CentralAdminOnly
	String edit(@PathVariable String id, Model model) {
		SiteRegistry registry = directory.require();
		Site site = find(registry, id);
		return form(registry, site, SiteDraft.of(site), List.of(), SiteDraft.of(site).revision(), model);
	}

	@PostMapping("/sites/manage/{id}")
	@CentralAdminOnly
	String save(@PathVariable String id, @ModelAttribute SiteDraft draft, @RequestParam(required = false) String revision,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		Site site = find(directory.require(), id);
		SiteDraft edited = new SiteDraft(site.id(), draft.kind(), draft.nameZh(), draft.nameEn(), draft.serviceLines(),
				site.parentId(), draft.areaCode(), draft.address(), draft.openingHours(), draft.floorArea(), draft.lat(),
				draft.lon());
		return change(id, edited, "edit", revision, authentication, model, redirect);
	}

	@PostMapping("/sites/manage/{id}/move")
	@CentralAdminOnly
	String move(@PathVariable String id, @RequestParam(defaultValue = "") String parentId,
			@RequestParam(required = false) String revision, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		Site site = find(directory.require(), id);
		return change(id, SiteDraft.of(site).withParent(parentId), "move", revision, authentication, model, redirect);
	}

	/**
	 * Saves a draft. {@code revision} is the revision of the site the form was read from: a save over a site changed
	 * since is refused with who changed it and when (from the audit log; the registry's load time when no page change
	 * of the site is recorded), the person's input kept in the form with the site's new revision, so that saving again
	 * makes it the current version knowingly.
	 */
	private String change(String id, SiteDraft draft, String action, String revision, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		SiteRegistry before = directory.require();
		String read = revision == null || revision.isBlank() ? null : revision.strip();
		try {
			boolean changed = directory.change(id, draft, SOURCE, read).isPresent();
			audit.record(authentication, Audit.REGISTRY_CHANGED,
					Map.of("accepted", changed, "action", action, "site", draft.id()));
			String name = labels.name(draft.id());
			redirect.addFlashAttribute("notice", changed ? pageMessages.text("sites.saved." + action, name)
					: pageMessages.text("sites.unchanged", name));
			return "redirect:/sites/manage/" + draft.id();
		}
		catch (RegistryValidationException ex) {
			model.addAttribute("refused", pageMessages.text("sites.refused", ex.problems().size()));
			return form(before, id == null ? null : find(before, id), draft, ex.problems(), read, model);
		}
		catch (RegistryChangedException ex) {
			SiteRegistry now = directory.require();
			Site site = id == null ? null : find(now, id);
			model.addAttribute("refused", pageMessages.refusal(changedBy(ex)));
			return form(now, site, draft, List.of(), site == null ? null : SiteDraft.of(site).revision(), model);
		}
	}

	/**
	 * Who changed the site and when: the last page change of the site in the audit log when it is what loaded the
	 * registry in force (recorded after that load); otherwise only when the registry was loaded (an upload, or a change
	 * of another site since).
	 */
	private ConflictException changedBy(RegistryChangedException ex) {
		DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		Optional<AuditEvent> last = ex.siteId() == null ? Optional.empty()
				: auditEvents.find(null, null, Audit.REGISTRY_CHANGED).stream()
					.filter(event -> ex.siteId().equals(event.getData().get("site"))
							&& Boolean.TRUE.equals(event.getData().get("accepted")))
					.findFirst()
					.filter(event -> !event.getTimestamp().isBefore(ex.loadedAt()));
		return last.map(event -> new ConflictException("site-changed", event.getPrincipal(), minutes.format(event.getTimestamp())))
			.orElseGet(() -> new ConflictException("site-changed-unknown", minutes.format(ex.loadedAt())));
	}

	private String form(SiteRegistry registry, Site site, SiteDraft draft, List<RegistryProblem> problems, String revision,
			Model model) {
		model.addAttribute("revision", revision);
		String own = site == null ? draft.id() : site.id();
		List<RegistryProblem> mine = problems.stream()
			.filter(p -> p.siteId() == null || p.siteId().equals(own))
			.toList();
		model.addAttribute("site", site);
		model.addAttribute("form", draft);
		model.addAttribute("problems", problemText.byField(mine));
		model.addAttribute("otherProblems", problems.stream().filter(p -> !mine.contains(p)).map(problemText::aboutSite).toList());
		model.addAttribute("kinds", SiteKind.values());
		model.addAttribute("lines", ServiceLine.values());
		model.addAttribute("title", site == null ? pageMessages.text("sites.add.title")
				: pageMessages.text("sites.edit.title", labels.name(site)));
		model.addAttribute("parents", parents(registry, site));
		model.addAttribute("path", site == null ? List.of() : registry.ancestry(site.id()));
		return "site-edit";
	}

	/** A new site's form under a parent: the kind that usually stands there, the parent's lines, place and area. */
	private static SiteDraft childOf(Site parent) {
		String kind = Arrays.stream(SiteKind.values())
			.filter(k -> k.mayBeUnder(parent.kind()) && k.level() != SiteLevel.MOBILE)
			.findFirst()
			.map(SiteKind::code)
			.orElse("");
		SiteDraft template = SiteDraft.of(parent);
		return new SiteDraft("", kind, "", "", template.serviceLines(), parent.id(), template.areaCode(), "", "", "",
				template.lat(), template.lon());
	}

	/** The sites another may stand under, in tree order and indented; without {@code moving} and its subtree. */
	private List<ParentOption> parents(SiteRegistry registry, Site moving) {
		Set<String> excluded = new HashSet<>();
		if (moving != null) {
			collect(registry, moving.id(), excluded);
		}
		List<ParentOption> options = new ArrayList<>();
		registry.tree().forEach(node -> walk(node, 0, excluded, options));
		return options;
	}

	private void walk(SiteNode node, int depth, Set<String> excluded, List<ParentOption> options) {
		Site site = node.site();
		SiteLevel level = site.kind().level();
		if (excluded.contains(site.id()) || level == SiteLevel.MOBILE || level == SiteLevel.READING_ROOM) {
			return;
		}
		options.add(new ParentOption(site.id(), "\u3000".repeat(depth) + labels.name(site)));
		node.children().forEach(child -> walk(child, depth + 1, excluded, options));
	}

	private static void collect(SiteRegistry registry, String id, Set<String> into) {
		into.add(id);
		registry.childrenOf(id).forEach(child -> collect(registry, child.id(), into));
	}

	private static Site find(SiteRegistry registry, String id) {
		return registry.find(id).orElseThrow(() -> new NotFoundException("site", id));
	}

	/** A choice in the parent list. */
	record ParentOption(String id, String label) {
	}

}
