package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.SiteDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Central staff manage rotating collections: rotas built stage by stage by choosing sites (grouped by township) and
 * days, each problem shown beside its field; batches, and moving them on now.
 */
@Controller
class RotaPageController {

	/** How many stage rows the form offers. */
	static final int STAGE_ROWS = 6;

	private final CollectionRotation rotations;

	private final PageMessages pageMessages;

	private final SiteChoices choices;

	private final SiteDirectory sites;

	RotaPageController(CollectionRotation rotations, PageMessages pageMessages, SiteChoices choices, SiteDirectory sites) {
		this.pageMessages = pageMessages;
		this.rotations = rotations;
		this.choices = choices;
		this.sites = sites;
	}

	@GetMapping("/rotas")
	@CentralAdminOnly
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("rotas", rotations.rotaPages());
		model.addAttribute("groups", choices.groups());
		model.addAttribute("rows", STAGE_ROWS);
		return "rotas";
	}

	/** Stage i is the i-th site chosen and the i-th number of days; rows left without a site are skipped. */
	@PostMapping("/rotas")
	@CentralAdminOnly
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean cyclic,
			@RequestParam(name = "stageSite", required = false) List<String> stageSites,
			@RequestParam(name = "stageDays", required = false) List<String> stageDays,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		List<String> chosen = stageSites == null ? List.of() : stageSites;
		List<String> days = stageDays == null ? List.of() : stageDays;
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isBlank()) {
			errors.put("name", pageMessages.text("rotas.error.name"));
		}
		List<CollectionRotation.Stage> stages = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			String site = chosen.get(i) == null ? "" : chosen.get(i).strip();
			if (site.isEmpty()) {
				continue;
			}
			if (sites.require().find(site).isEmpty()) {
				errors.put("site-" + i, pageMessages.text("rotas.error.site"));
				continue;
			}
			String typed = i < days.size() && days.get(i) != null ? days.get(i).strip() : "";
			Integer parsed = typed.matches("\\d{1,4}") ? Integer.valueOf(typed) : null;
			if (parsed == null || parsed < 1) {
				errors.put("days-" + i, pageMessages.text("rotas.error.days"));
				continue;
			}
			stages.add(new CollectionRotation.Stage(site, parsed));
		}
		if (stages.size() < 2 && errors.keySet().stream().noneMatch(k -> k.startsWith("days-") || k.startsWith("site-"))) {
			errors.put("stages", pageMessages.text("rotas.error.stages"));
		}
		if (errors.isEmpty()) {
			try {
				rotations.createRota(user.getUsername(), name, cyclic, stages);
				redirect.addFlashAttribute("notice", pageMessages.text("rotas.created", name.strip()));
				return "redirect:/rotas";
			}
			catch (IllegalArgumentException ex) {
				errors.put("stages", pageMessages.refusal(ex));
			}
		}
		redirect.addFlashAttribute("refused", pageMessages.text("rotas.error.summary"));
		redirect.addFlashAttribute("errors", errors);
		redirect.addFlashAttribute("typed", Map.of("name", name, "cyclic", cyclic, "sites", chosen, "days", days));
		return "redirect:/rotas";
	}

	@PostMapping("/rotas/{id}/batches")
	@CentralAdminOnly
	String batch(@PathVariable long id, @RequestParam String barcodes, RedirectAttributes redirect) {
		List<String> listed = Arrays.stream(barcodes.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
		rotations.startBatch(id, listed, LocalDate.now());
		redirect.addFlashAttribute("notice", pageMessages.text("rotas.batchStarted", listed.size()));
		return "redirect:/rotas";
	}

	@PostMapping("/rotas/advance")
	@CentralAdminOnly
	String advance(RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", pageMessages.text("rotas.advanced", rotations.advance(LocalDate.now()).size()));
		return "redirect:/rotas";
	}

}
