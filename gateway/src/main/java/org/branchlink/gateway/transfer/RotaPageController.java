package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Central staff manage rotating collections: rotas, batches, and moving them on now. */
@Controller
class RotaPageController {

	private final CollectionRotation rotations;

	private final PageMessages pageMessages;

	RotaPageController(CollectionRotation rotations, PageMessages pageMessages) {
		this.pageMessages = pageMessages;
		this.rotations = rotations;
	}

	@GetMapping("/rotas")
	@CentralAdminOnly
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("rotas", rotations.rotas());
		return "rotas";
	}

	/** Stages are lines of "site-id days". */
	@PostMapping("/rotas")
	@CentralAdminOnly
	String create(@RequestParam String name, @RequestParam(defaultValue = "false") boolean cyclic,
			@RequestParam String stages, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		try {
			List<CollectionRotation.Stage> parsed = new ArrayList<>();
			for (String line : stages.split("\\R")) {
				String[] f = line.strip().split("\\s+");
				if (f.length == 2) {
					parsed.add(new CollectionRotation.Stage(f[0], Integer.valueOf(f[1])));
				}
				else if (!line.isBlank()) {
					throw new IllegalArgumentException("a stage is 'site-id days', not '" + line.strip() + "'");
				}
			}
			rotations.createRota(user.getUsername(), name, cyclic, parsed);
			redirect.addFlashAttribute("done", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/rotas";
	}

	@PostMapping("/rotas/{id}/batches")
	@CentralAdminOnly
	String batch(@PathVariable long id, @RequestParam String barcodes, RedirectAttributes redirect) {
		rotations.startBatch(id, Arrays.stream(barcodes.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList(),
				LocalDate.now());
		redirect.addFlashAttribute("done", true);
		return "redirect:/rotas";
	}

	@PostMapping("/rotas/advance")
	@CentralAdminOnly
	String advance(RedirectAttributes redirect) {
		redirect.addFlashAttribute("advanced", rotations.advance(LocalDate.now()).size());
		return "redirect:/rotas";
	}

}
