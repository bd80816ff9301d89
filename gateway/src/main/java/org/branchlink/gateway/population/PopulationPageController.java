package org.branchlink.gateway.population;

import java.io.IOException;
import java.time.LocalDate;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Central staff's page of the population (标准化均等化): the list of villages and communities imported from the
 * statistics bureau's file, and the year's figures against the residents by township, with how equal the townships are.
 */
@Controller
class PopulationPageController {

	private final Villages villages;

	private final PopulationFigures figures;

	private final PageMessages messages;

	private final CountySettings county;

	PopulationPageController(Villages villages, PopulationFigures figures, PageMessages messages, CountySettings county) {
		this.villages = villages;
		this.figures = figures;
		this.messages = messages;
		this.county = county;
	}

	@GetMapping("/population")
	@CentralOrAuditor
	String page(@AuthenticationPrincipal BranchLinkUser user, @RequestParam(required = false) Integer year, Model model) {
		LocalDate today = LocalDate.now(county.zone());
		int shown = year == null || year > today.getYear() ? today.getYear() : year;
		LocalDate from = LocalDate.of(shown, 1, 1);
		LocalDate to = shown == today.getYear() ? today : LocalDate.of(shown, 12, 31);
		model.addAttribute("user", user);
		model.addAttribute("year", shown);
		model.addAttribute("figures", figures.of(from, to));
		model.addAttribute("villageCount", villages.all().size());
		return "population";
	}

	@PostMapping("/population/villages")
	@CentralAdminOnly
	String replace(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal BranchLinkUser user,
			RedirectAttributes redirect) throws IOException {
		try {
			Villages.Imported imported = villages.replace(file.getOriginalFilename(), file.getBytes(), user.getUsername());
			redirect.addFlashAttribute("notice", messages.text("population.imported", imported.villages(),
					imported.residents(), imported.served()));
		}
		catch (Villages.RefusedFile refused) {
			redirect.addFlashAttribute("refused", messages.refusal(refused));
			redirect.addFlashAttribute("problems", refused.problems().stream().map(p -> word(messages, p)).toList());
		}
		return "redirect:/population";
	}

	/** A problem of a refused file in the reader's language: its line and what is wrong. */
	static String word(PageMessages messages, VillageFile.Problem problem) {
		return messages.text("village.problem." + problem.kind(), problem.line(), problem.value());
	}

}
