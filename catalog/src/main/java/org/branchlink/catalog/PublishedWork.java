package org.branchlink.catalog;

import java.util.List;

import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.record.BibRecord;

/**
 * A work as the catalogue publishes it to harvesters: one representative record's description and the MARC flavour
 * it came in as, the ISBNs of all its records, and every copy of every site with its state now. {@link WorkMarc}
 * writes it as one MARC record of that flavour.
 *
 * @param id the work's id
 * @param record the representative record: the first site's, in site id order (without its copies)
 * @param flavour how the representative record came in: {@code UNIMARC} for a UNIMARC or CNMARC file, {@code MARC21}
 * for MARC21 and for every source that is not MARC (spreadsheets, JSON pushes, OAI-PMH harvests)
 * @param isbns the ISBN-13s of all the work's records, first seen first
 * @param copies every copy, by site then barcode
 */
public record PublishedWork(String id, BibRecord record, MarcFlavour flavour, List<String> isbns, List<Copy> copies) {

	public PublishedWork {
		isbns = List.copyOf(isbns);
		copies = List.copyOf(copies);
	}

	/** A work whose representative record came in as MARC21 or not as MARC. */
	public PublishedWork(String id, BibRecord record, List<String> isbns, List<Copy> copies) {
		this(id, record, MarcFlavour.MARC21, isbns, copies);
	}

	/**
	 * One copy.
	 *
	 * @param siteId the site that holds it
	 * @param barcode its barcode
	 * @param callNumber its call number, may be empty
	 * @param location its shelving location, may be empty
	 * @param status its status now: the circulation state when it circulated, else what its site reported
	 * ({@code available}, {@code on_loan}, {@code in_transit}…)
	 */
	public record Copy(String siteId, String barcode, String callNumber, String location, String status) {
	}

}
