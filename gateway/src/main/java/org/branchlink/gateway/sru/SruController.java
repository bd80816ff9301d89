package org.branchlink.gateway.sru;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.branchlink.catalog.cql.CqlRefusal;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.web.PublicAddress;
import org.branchlink.site.SiteDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The SRU 1.2 and 2.0 endpoint, {@code GET} or {@code POST} (form-encoded) on {@code /sru}, public and read-only.
 * Diagnostics are answered as SRU says (HTTP 200, the diagnostic in the response), not as problem details: a client
 * reads only SRU.
 */
@Controller
class SruController {

	private final SruProvider provider;

	private final SiteDirectory directory;

	private final PublicAddress address;

	SruController(SruProvider provider, SiteDirectory directory, PublicAddress address) {
		this.address = address;
		this.provider = provider;
		this.directory = directory;
	}

	@RequestMapping(path = "/sru", method = { RequestMethod.GET, RequestMethod.POST })
	@Public
	void sru(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
		SruRequest sru = SruRequest.parse(request.getParameterMap());
		SruAnswer answer = null;
		CqlRefusal refusal = null;
		try {
			answer = provider.answer(sru);
		}
		catch (CqlRefusal ex) {
			refusal = ex;
		}
		response.setContentType("text/xml;charset=UTF-8");
		UriComponents base = UriComponentsBuilder.fromUriString(address.of("/sru")).build();
		int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
		String federation = directory.current().map(registry -> registry.federation().id()).orElse("branchlink");
		String title = directory.current()
			.map(registry -> registry.federation().name().zh() + " / " + registry.federation().name().en())
			.orElse("BranchLink");
		SruXml.Server server = new SruXml.Server(base.getHost(), port, base.getPath().substring(1), federation,
				title + " 联合目录 / union catalogue", provider.properties());
		SruXml.write(response.getOutputStream(), sru, server, answer, refusal);
	}

}
