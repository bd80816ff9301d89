package org.branchlink.catalog.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.ItemState;
import org.branchlink.catalog.ingest.WorkStore.HeldCopies;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.ingest.WorkStore.HoldingSite;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Isbn;
import org.branchlink.catalog.record.Item;
import org.branchlink.catalog.record.WorkKey;

/**
 * Builds a work's search document from all the sites' records of it: the fullest record gives the title and
 * description, every record adds its titles, names, ISBNs and holdings, and the holdings give the facets (site,
 * township, kind, service line), the number of copies and whether one is on a shelf; a second document per work holds its copies and where
 * they are on a shelf ({@link #copies}). No reader data: copies carry only their status.
 */
public final class WorkDocuments {

	private WorkDocuments() {
	}

	/** A work's own document (without its copies document: tests and tools that need no holdings). */
	public static SolrInputDocument of(String workId, List<HeldRecord> records, Map<String, HoldingSite> allSites) {
		return of(workId, records, availability(records, allSites));
	}

	private static SolrInputDocument of(String workId, List<HeldRecord> records, Availability availability) {
		BibRecord best = records.stream().map(HeldRecord::record).max(Comparator.comparingInt(WorkDocuments::fullness)
			.thenComparing(BibRecord::siteId, Comparator.reverseOrder())).orElseThrow();
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, workId);
		doc.setField(SolrFields.DOC_TYPE, SolrFields.TYPE_WORK);
		doc.setField(SolrFields.TITLE, best.title());
		doc.setField(SolrFields.TITLE_SORT, sortKey(best.title()));
		doc.setField(SolrFields.TITLE_FAMILY, family(best));
		doc.setField(SolrFields.TITLE_PINYIN, Pinyin.syllables(best.title()));
		doc.setField(SolrFields.TITLE_INITIALS, Pinyin.initialsAndTails(best.title()));
		if (best.year() > 0) {
			doc.setField(SolrFields.YEAR, best.year());
		}
		doc.setField(SolrFields.PUBLISHER, best.publisher());
		Set<String> titles = new LinkedHashSet<>();
		Set<String> authors = new LinkedHashSet<>();
		Set<String> isbns = new LinkedHashSet<>();
		Set<String> languages = new LinkedHashSet<>();
		Set<String> formats = new LinkedHashSet<>();
		Set<String> classes = new LinkedHashSet<>();
		Set<String> topClasses = new LinkedHashSet<>();
		Set<String> subjects = new LinkedHashSet<>();
		Set<String> sites = new LinkedHashSet<>();
		Set<String> townships = new LinkedHashSet<>();
		Set<String> kinds = new LinkedHashSet<>();
		Set<String> lines = new LinkedHashSet<>();
		Set<String> links = new LinkedHashSet<>();
		for (HeldRecord held : records) {
			BibRecord record = held.record();
			if (!record.title().equals(best.title())) {
				titles.add(record.title());
			}
			titles.addAll(record.otherTitles());
			authors.addAll(record.authors());
			for (String isbn : record.isbns()) {
				isbns.add(isbn);
				Isbn.toIsbn10(isbn).ifPresent(isbns::add);
			}
			add(languages, record.language());
			add(formats, record.format());
			add(classes, record.classification());
			add(topClasses, record.classificationTop());
			subjects.addAll(record.subjects());
			links.addAll(record.links());
			sites.add(record.siteId());
			add(townships, held.site().township());
			add(kinds, held.site().kind());
			lines.addAll(held.site().serviceLines());
			doc.addField(SolrFields.RECORDS, record.siteId() + ":" + record.recordId());
		}
		titles.remove(best.title());
		set(doc, SolrFields.TITLE_ALT, titles);
		set(doc, SolrFields.AUTHOR, authors);
		set(doc, SolrFields.AUTHOR_FACET, authors);
		set(doc, SolrFields.ISBN, isbns);
		set(doc, SolrFields.LANGUAGE, languages);
		set(doc, SolrFields.FORMAT, formats);
		set(doc, SolrFields.CLC, classes);
		set(doc, SolrFields.CLC_TOP, topClasses);
		set(doc, SolrFields.SUBJECT, subjects);
		if (!links.isEmpty()) {
			// online: an e-book, a database, a recording; searchable with the print collection and marked so
			doc.setField(SolrFields.ONLINE, true);
			set(doc, SolrFields.ONLINE_URL, links);
		}
		set(doc, SolrFields.HOLDING_SITE, sites);
		set(doc, SolrFields.HOLDING_TOWNSHIP, townships);
		set(doc, SolrFields.HOLDING_SITE_KIND, kinds);
		set(doc, SolrFields.HOLDING_SERVICE_LINE, lines);
		doc.setField(SolrFields.ITEM_COUNT, availability.items());
		doc.setField(SolrFields.ON_SHELF, availability.onShelf());
		return doc;
	}

	/**
	 * A work's two documents: the work (its text, facets and counts) and its copies ({@link #copies}); indexing a work
	 * sends both.
	 */
	public static List<SolrInputDocument> documents(String workId, List<HeldRecord> records,
			Map<String, HoldingSite> allSites) {
		Availability availability = availability(records, allSites);
		return List.of(of(workId, records, availability), copies(workId, availability));
	}

	/**
	 * The id of a work's copies document: the work's id and {@code !copies}. SolrCloud's compositeId router places a
	 * {@code prefix!suffix} id by the prefix's hash in its upper 16 bits, and rounds shard ranges to those bits, so the
	 * copies document lives on its work's shard, where the distance sort's join finds it.
	 */
	public static String copiesId(String workId) {
		return workId + COPIES_SUFFIX;
	}

	static final String COPIES_SUFFIX = "!copies";

	/**
	 * The copies document of a work: every copy as a holdings line (owning site, barcode, call number, location,
	 * status, the site it is at when not at home, its transit destination), the sites and places with a copy on the
	 * shelf. It carries no text to analyse, so lending replaces it whole at every loan and return, and the work's own
	 * document only has its on-shelf flag set in place when it changes: the work's titles, names and subjects are not
	 * analysed again.
	 */
	public static SolrInputDocument copies(String workId, Availability availability) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, copiesId(workId));
		doc.setField(SolrFields.DOC_TYPE, SolrFields.TYPE_COPIES);
		doc.setField(SolrFields.WORK_ID, workId);
		set(doc, SolrFields.HOLDINGS, availability.holdings());
		set(doc, SolrFields.AVAILABLE_SITE, availability.availableSites());
		set(doc, SolrFields.AVAILABLE_LOCATION, availability.availablePlaces());
		return doc;
	}

	/**
	 * What changes when copies circulate. A copy's circulation state, when it has one, wins over the status its record
	 * brought.
	 */
	public static Availability availability(List<HeldRecord> records, Map<String, HoldingSite> allSites) {
		return availabilityOfCopies(records.stream().map(HeldRecord::copies).toList(), allSites);
	}

	/** {@link #availability} from the records' copies alone (what {@code WorkCopies} reads). */
	public static Availability availabilityOfCopies(List<HeldCopies> records, Map<String, HoldingSite> allSites) {
		Set<String> availableSites = new LinkedHashSet<>();
		Set<String> availablePlaces = new LinkedHashSet<>();
		List<String> holdings = new ArrayList<>();
		int items = 0;
		int available = 0;
		for (HeldCopies held : records) {
			for (Item item : held.items()) {
				items++;
				ItemState state = held.states().get(item.barcode());
				String status = state == null ? item.status() : state.status();
				String at = state == null || state.atSite() == null ? "" : state.atSite();
				String destination = state == null || state.destination() == null ? "" : state.destination();
				holdings.add(String.join("\t", held.siteId(), item.barcode(), item.callNumber(), item.location(), status,
						at.equals(held.siteId()) ? "" : at, destination));
				if (Item.AVAILABLE.equals(status)) {
					available++;
					String where = at.isEmpty() ? held.siteId() : at;
					availableSites.add(where);
					HoldingSite site = where.equals(held.siteId()) ? held.site() : allSites.get(where);
					if (site != null && site.lat() != null) {
						availablePlaces.add(site.lat() + "," + site.lon());
					}
				}
			}
		}
		return new Availability(items, available, holdings, List.copyOf(availableSites), List.copyOf(availablePlaces));
	}

	/**
	 * A work's copies as search shows them.
	 *
	 * @param items how many copies
	 * @param available how many are on a shelf
	 * @param holdings a line per copy
	 * @param availableSites the sites with a copy on the shelf
	 * @param availablePlaces those sites' places ({@code lat,lon})
	 */
	public record Availability(int items, int available, List<String> holdings, List<String> availableSites,
			List<String> availablePlaces) {

		/** The work's {@code on_shelf} flag: 1 when a copy is on a shelf. */
		public int onShelf() {
			return available > 0 ? 1 : 0;
		}

	}

	/** Title order: NFKC, lower case, letters and digits only (cheap: no script transliteration per document). */
	/** An edition statement at the end of a title: （第2版）, (修订本), 第三版, "2nd edition", "(Revised edition)". */
	private static final Pattern EDITION = Pattern.compile(
			"\\s*[（(]?\\s*(第?\\s*[0-9一二三四五六七八九十]+\\s*版|修订本|修订版|增订本|新版|"
					+ "(?i:[0-9]+(?:st|nd|rd|th)\\s+ed(?:ition|\\.)?|revised\\s+edition|new\\s+edition))\\s*[）)]?\\s*$");

	/** The key the editions of one book share: its title without the edition statement, and its main author. */
	static String family(BibRecord record) {
		String title = record.title() == null ? "" : EDITION.matcher(record.title()).replaceFirst("");
		return WorkKey.normalize(title) + "|" + WorkKey.normalize(record.mainAuthor() == null ? "" : record.mainAuthor());
	}

	private static String sortKey(String title) {
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(folded.length());
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

	private static int fullness(BibRecord record) {
		return (record.isbns().isEmpty() ? 0 : 4) + (record.classification().isEmpty() ? 0 : 2)
				+ (record.publisher().isEmpty() ? 0 : 1) + (record.year() > 0 ? 1 : 0) + record.authors().size();
	}

	private static void add(Set<String> values, String value) {
		if (value != null && !value.isBlank()) {
			values.add(value);
		}
	}

	private static void set(SolrInputDocument doc, String field, Collection<String> values) {
		if (!values.isEmpty()) {
			doc.setField(field, List.copyOf(values));
		}
	}

}
