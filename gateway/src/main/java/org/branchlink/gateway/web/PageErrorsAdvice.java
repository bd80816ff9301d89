package org.branchlink.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Bad parameters on a page (an unknown sort, a malformed place) answer 400 with the error page, not 500. */
@ControllerAdvice(assignableTypes = { SearchPageController.class, HomeController.class, IngestPageController.class })
class PageErrorsAdvice {

	@ExceptionHandler
	ModelAndView badRequest(IllegalArgumentException ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("error", ex.getMessage());
		return page;
	}

}
