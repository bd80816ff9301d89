package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.stereotype.Component;

/** The county's lending policy: loan terms by reader category, floating collections, due dates at the end of a day. */
@Component
class CountyLendingRules implements LendingRules {

	private final CirculationProperties properties;

	private final ReaderRegistry readers;

	private final SiteDirectory sites;

	private final ZoneId zone;

	CountyLendingRules(CirculationProperties properties, ReaderRegistry readers, SiteDirectory sites,
			CountySettings county) {
		this.properties = properties;
		this.readers = readers;
		this.sites = sites;
		this.zone = county.zone();
	}

	@Override
	public boolean floats(String ownerSite) {
		if (properties.floatingSites().contains(ownerSite)) {
			return true;
		}
		return !properties.floatingKinds().isEmpty() && sites.current()
			.flatMap(registry -> registry.find(ownerSite))
			.map(site -> properties.floatingKinds().contains(site.kind().code()))
			.orElse(false);
	}

	@Override
	public Optional<ReaderTerms> reader(String card) {
		return readers.byCardRemembered(card).map(r -> new ReaderTerms(r.category(), properties.terms(r.category())));
	}

	@Override
	public ReaderTerms unknownReader() {
		return new ReaderTerms(properties.unknownCategory(), properties.terms(properties.unknownCategory()));
	}

	@Override
	public Instant due(Instant from, int days) {
		return from.atZone(zone).toLocalDate().plusDays(days).atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
	}

	boolean keepsHistory(String card) {
		return readers.byCardRemembered(card).map(r -> r.keepHistory()).orElse(false);
	}

}
