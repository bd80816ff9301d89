package org.branchlink.gateway.web;

import org.branchlink.gateway.security.Public;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form post. */
@Controller
class LoginController {

	@GetMapping("/login")
	@Public
	String login() {
		return "login";
	}

}
