package org.branchlink.gateway.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The questionnaire a survey invitation opens: the link {@code /survey/{token}} shows the questions at once (one
 * labelled radio group per scale question), a used or unknown invitation is said so in words, and answers end on a
 * thank-you. {@code /survey} asks for the invitation code printed on a letter.
 */
@Controller
class SurveyInvitationPageController {

	private final Surveys surveys;

	private final PageMessages pageMessages;

	private final MessageSource messages;

	SurveyInvitationPageController(Surveys surveys, PageMessages pageMessages, MessageSource messages) {
		this.surveys = surveys;
		this.pageMessages = pageMessages;
		this.messages = messages;
	}

	/**
	 * A question as the page shows it, worded in the page's language when the bundles know it.
	 *
	 * @param id its id, the answer's field is {@code q.<id>}
	 * @param kind scale or text
	 * @param text the question
	 */
	record QuestionView(String id, String kind, String text) {
	}

	@GetMapping("/survey")
	@Public
	String enter(@RequestParam(required = false) String token, @AuthenticationPrincipal BranchLinkUser user,
			Model model) {
		if (token != null && !token.isBlank()) {
			return "redirect:/survey/" + token.strip().replaceAll("[^A-Za-z0-9_-]", "");
		}
		model.addAttribute("user", user);
		return "survey";
	}

	@GetMapping("/survey/{token}")
	@Public
	String open(@PathVariable String token, @AuthenticationPrincipal BranchLinkUser user, Model model,
			HttpServletResponse response) {
		model.addAttribute("user", user);
		Optional<Surveys.Invitation> invitation = surveys.invitation(token);
		if (invitation.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("refused", pageMessages.text("survey.unknown"));
			return "survey";
		}
		if (invitation.get().answered()) {
			model.addAttribute("answered", true);
			return "survey";
		}
		model.addAttribute("token", token);
		model.addAttribute("questions", views(surveys.questionsOf(invitation.get().surveyId())));
		return "survey";
	}

	@PostMapping({ "/survey", "/survey/{token}" })
	@Public
	String respond(@PathVariable(required = false) String token, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		String invitation = token != null ? token : form.getOrDefault("token", "");
		Map<String, Object> answers = new HashMap<>();
		form.forEach((key, value) -> {
			if (key.startsWith("q.") && !value.isBlank()) {
				answers.put(key.substring(2), value);
			}
		});
		try {
			surveys.respond(invitation.strip(), answers);
			redirect.addFlashAttribute("thanks", true);
			redirect.addFlashAttribute("notice", pageMessages.text("survey.thanks"));
			return "redirect:/survey";
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.text("survey.unknown"));
			return "redirect:/survey";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			return "redirect:/survey";
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.text("survey.invalid"));
			return "redirect:/survey/" + invitation.strip().replaceAll("[^A-Za-z0-9_-]", "");
		}
	}

	private List<QuestionView> views(List<Surveys.Question> questions) {
		return questions.stream()
			.map(q -> new QuestionView(q.id(), q.kind(),
					messages.getMessage("survey.q." + q.id(), null, q.text(), LocaleContextHolder.getLocale())))
			.toList();
	}

}
