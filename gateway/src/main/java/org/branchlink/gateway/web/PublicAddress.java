package org.branchlink.gateway.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The platform's address as the public reaches it, for what leaves the platform with an address in it: the QR code of a
 * printed poster, the 公众号 material, the event feeds, the OAI-PMH and SRU base addresses. It is
 * {@code branchlink.gateway.public-url} when set (a poster printed by a librarian on the county's intranet must not
 * point residents to an intranet address), else the address of the request being answered (behind a proxy, with its
 * forwarded headers).
 */
@Component
public class PublicAddress {

	private final String configured;

	PublicAddress(@Value("${branchlink.gateway.public-url:}") String url) {
		this.configured = normalise(url);
	}

	/** {@code https://host[:port][/path]} without a trailing slash. */
	public String base() {
		return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
				: configured;
	}

	/** The address of a path of the platform ({@code /events/12}). */
	public String of(String path) {
		return base() + path;
	}

	static String normalise(String url) {
		if (url == null || url.isBlank()) {
			return "";
		}
		URI uri = URI.create(url.strip());
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
				|| uri.getFragment() != null) {
			throw new IllegalArgumentException("branchlink.gateway.public-url must be an http(s) address without query, "
					+ "e.g. https://wenhua.qingxi.gov.cn, got " + url);
		}
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
