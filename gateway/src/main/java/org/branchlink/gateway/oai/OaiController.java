package org.branchlink.gateway.oai;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.web.PublicAddress;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The OAI-PMH 2.0 endpoint, {@code GET} or {@code POST} (form-encoded) on {@code /oai}, public and read-only. Protocol
 * errors are answered as the protocol says (HTTP 200 with an {@code error} element), not as problem details: a
 * harvester reads only OAI-PMH.
 */
@Controller
class OaiController {

	private final OaiProvider provider;

	private final Clock clock;

	private final PublicAddress address;

	OaiController(OaiProvider provider, Clock clock, PublicAddress address) {
		this.address = address;
		this.provider = provider;
		this.clock = clock;
	}

	@RequestMapping(path = "/oai", method = { RequestMethod.GET, RequestMethod.POST })
	@Public
	void oai(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
		Map<String, String> echo = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> echo.put(name, values[0]));
		OaiAnswer answer = null;
		OaiRefusal refusal = null;
		try {
			answer = provider.answer(OaiRequest.parse(request.getParameterMap()));
		}
		catch (OaiRefusal ex) {
			refusal = ex;
		}
		response.setContentType("text/xml;charset=UTF-8");
		String baseUrl = address.of("/oai");
		OaiXml.write(response.getOutputStream(), baseUrl, provider.federation(), clock.instant(), echo, answer, refusal);
	}

}
