package org.branchlink.gateway.web;

import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.SignInReturn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, which returns to the page it came from ({@link SignInReturn}); Spring Security handles the post. */
@Controller
class LoginController {

	@GetMapping("/login")
	@Public
	String login(@RequestParam(required = false) String back, Model model) {
		model.addAttribute("back", SignInReturn.local(back));
		return "login";
	}

}
