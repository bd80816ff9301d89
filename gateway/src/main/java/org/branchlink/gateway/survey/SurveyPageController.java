package org.branchlink.gateway.survey;

import org.branchlink.gateway.openinfo.Publications;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Survey pages for central staff: the list, a new survey with its sample, the results. The questionnaire is {@link SurveyInvitationPageController}. */
@Controller
class SurveyPageController {

	private final Surveys surveys;

	private final PageMessages pageMessages;

	private final Publications publications;

	SurveyPageController(Surveys surveys, PageMessages pageMessages, Publications publications) {
		this.publications = publications;
		this.pageMessages = pageMessages;
		this.surveys = surveys;
	}

	@GetMapping("/surveys")
	@CentralAdminOnly
	String list(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("surveys", surveys.list());
		model.addAttribute("readers", surveys.frame().size());
		model.addAttribute("minSample", Surveys.MIN_SAMPLE);
		return "surveys";
	}

	@PostMapping("/surveys")
	@CentralAdminOnly
	String create(@RequestParam String title, @RequestParam(defaultValue = "500") int sampleSize,
			@RequestParam(required = false) Long seed, @AuthenticationPrincipal BranchLinkUser user,
			RedirectAttributes redirect) {
		try {
			Surveys.Drawn drawn = surveys.create(new Surveys.SurveyRequest(title, Surveys.STANDARD, sampleSize, seed),
					user.getUsername());
			redirect.addFlashAttribute("notice", pageMessages.text("surveys.drawn", drawn.sampleSize()));
			return "redirect:/surveys/" + drawn.id();
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			return "redirect:/surveys";
		}
	}

	@GetMapping("/surveys/{id}")
	@CentralAdminOnly
	String results(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("results", surveys.results(id));
		model.addAttribute("published", publications.isPublished(Publications.Kind.SURVEY, String.valueOf(id)));
		model.addAttribute("publicView", false);
		return "survey-results";
	}

	/** A survey's results once central staff published them: the rates with their margins, by township. */
	@GetMapping("/open/surveys/{id}")
	@Public
	String published(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		if (!publications.isPublished(Publications.Kind.SURVEY, String.valueOf(id))) {
			throw new NotFoundException("published survey", String.valueOf(id));
		}
		model.addAttribute("user", user);
		model.addAttribute("results", surveys.results(id));
		model.addAttribute("publicView", true);
		model.addAttribute("published", true);
		return "survey-results";
	}

	@PostMapping("/surveys/{id}/publish")
	@CentralAdminOnly
	String publish(@PathVariable long id, @RequestParam(defaultValue = "publish") String action,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		if (action.equals("withdraw")) {
			publications.withdraw(Publications.Kind.SURVEY, String.valueOf(id));
			redirect.addFlashAttribute("notice", pageMessages.text("open.withdrawn"));
		}
		else {
			publications.publish(Publications.Kind.SURVEY, String.valueOf(id), surveys.results(id).title(), user.getUsername());
			redirect.addFlashAttribute("notice", pageMessages.text("open.published"));
		}
		return "redirect:/surveys/" + id;
	}

}
