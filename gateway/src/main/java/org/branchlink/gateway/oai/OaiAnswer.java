package org.branchlink.gateway.oai;

import java.time.Instant;
import java.util.List;

import org.branchlink.catalog.Change;
import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.event.CulturalEvent;

/** What a verb answers, before it is written as XML ({@link OaiXml}). */
sealed interface OaiAnswer {

	/**
	 * @param repositoryName the repository's name
	 * @param earliest the earliest datestamp
	 * @param adminEmail the administrator's address
	 */
	record Identity(String repositoryName, Instant earliest, String adminEmail) implements OaiAnswer {
	}

	/** The metadata formats given (ListMetadataFormats). */
	record Formats(List<MetadataFormat> formats) implements OaiAnswer {
	}

	/** The sets (ListSets). */
	record Sets(List<SetEntry> sets) implements OaiAnswer {
	}

	/**
	 * A page of ListIdentifiers ({@code format} given, headers only) or ListRecords.
	 *
	 * @param withMetadata whether records (ListRecords) or headers (ListIdentifiers) are listed
	 * @param format the list's metadata format
	 * @param items the page
	 * @param resumption the resumptionToken element; null for a list of one page
	 */
	record Page(boolean withMetadata, MetadataFormat format, List<Item> items, Resumption resumption)
			implements OaiAnswer {
	}

	/** One record (GetRecord). */
	record Single(MetadataFormat format, Item item) implements OaiAnswer {
	}

	/**
	 * @param spec the setSpec
	 * @param name the setName
	 */
	record SetEntry(String spec, String name) {
	}

	/**
	 * A work or an event with what its record needs.
	 *
	 * @param change its header's facts
	 * @param work the work, for a work not deleted; else null
	 * @param event the event, for an event; else null
	 * @param siteName the event's site's name (its publisher); null for a work
	 */
	record Item(Change change, PublishedWork work, CulturalEvent event, String siteName) {

		/** A header only (ListIdentifiers, a deleted item). */
		static Item header(Change change) {
			return new Item(change, null, null, null);
		}

	}

	/**
	 * @param token the next page's token; null on the last page
	 * @param cursor how many items came before this page
	 * @param completeListSize how many the list has
	 * @param expires when the token stops being honoured; null on the last page
	 */
	record Resumption(String token, long cursor, long completeListSize, Instant expires) {
	}

}
