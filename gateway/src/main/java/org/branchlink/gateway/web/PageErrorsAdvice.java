package org.branchlink.gateway.web;

import org.branchlink.catalog.CatalogIndexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad parameters on a page (an unknown sort, a malformed place, a period that does not exist, a page past the end)
 * answer 400 with the error page, not 500; a search the index cannot answer (SolrCloud without a healthy replica, a
 * node unreachable) answers 503 with a page that says the service is unavailable for a moment. Applies to every
 * controller; the API's own advice ({@link ProblemDetailsAdvice}) comes first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorsAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageErrorsAdvice.class);

	@ExceptionHandler
	ModelAndView badRequest(IllegalArgumentException ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("error", ex.getMessage());
		return page;
	}

	@ExceptionHandler
	ModelAndView searchUnavailable(CatalogIndexException ex) {
		log.error("Search index unavailable", ex);
		ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", 503);
		return page;
	}

}
