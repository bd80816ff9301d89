package org.branchlink.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad parameters on a page (an unknown sort, a malformed place, a period that does not exist, a page past the end)
 * answer 400 with the error page, not 500. Applies to every controller; the API's own advice
 * ({@link ProblemDetailsAdvice}) comes first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorsAdvice {

	@ExceptionHandler
	ModelAndView badRequest(IllegalArgumentException ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("error", ex.getMessage());
		return page;
	}

}
