package org.branchlink.gateway.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The address that leaves the platform (a printed poster's QR code, the feeds, the 公众号 material, OAI-PMH and SRU):
 * the configured public address wins over the address a librarian's intranet request came in on.
 */
class PublicAddressTests {

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	private static void requestAt(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/events/12/poster");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@Test
	void theConfiguredAddressWinsOverTheIntranetRequest() {
		requestAt("http", "10.2.3.4", 8080);
		PublicAddress address = new PublicAddress("https://wenhua.qingxi.gov.cn/");
		assertThat(address.base()).isEqualTo("https://wenhua.qingxi.gov.cn");
		assertThat(address.of("/events/12")).isEqualTo("https://wenhua.qingxi.gov.cn/events/12");
		assertThat(new PublicAddress("https://qingxi.example/branchlink").of("/oai"))
			.isEqualTo("https://qingxi.example/branchlink/oai");
	}

	@Test
	void withoutOneTheRequestsAddressIsUsed() {
		requestAt("http", "10.2.3.4", 8080);
		assertThat(new PublicAddress("").base()).isEqualTo("http://10.2.3.4:8080");
	}

	@Test
	void anAddressThatIsNoWebAddressIsRefusedAtStart() {
		assertThatThrownBy(() -> new PublicAddress("wenhua.qingxi.gov.cn")).hasMessageContaining("public-url");
		assertThatThrownBy(() -> new PublicAddress("ftp://qingxi.example")).hasMessageContaining("public-url");
		assertThatThrownBy(() -> new PublicAddress("https://qingxi.example/?a=1")).hasMessageContaining("public-url");
	}

}
