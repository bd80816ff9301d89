package org.branchlink.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.IngestReport;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.menu.ResidentOrders;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.menu.ServiceMenu;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.schedule.MobileSchedule;
import org.branchlink.gateway.schedule.MobileService;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.sip2.KioskAccounts;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data: the generated county, its generated catalogue (when the catalogue is empty) and one login
 * per role. Never active in production: the logins' passwords are in the README.
 */
@Component
@Profile("demo")
@Order(-10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** The demo API key of the central library's system. */
	static final String CENTRAL_LIBRARY_KEY = "demo-central-library-key";

	private final SiteDirectory sites;

	private final AccountStore accounts;

	private final SiteCatalogIngest ingest;

	private final CatalogSearch search;

	private final int catalogueRecords;

	private final ReaderRegistry readers;

	private final LendingDesk desk;

	private final CatalogCopies copies;

	private final DemoEvents events;

	private final MobileSchedule schedule;

	private final ServiceMenu menu;

	private final ResidentOrders residentOrders;

	private final KioskAccounts kiosks;

	private final DemoActivity activity;

	private final DemoHolds holds;

	private final DemoEventHistory eventHistory;

	private final DemoNeeds needs;

	private final DemoNotices notices;

	private final DemoMobileVisits mobileVisits;

	private final DemoPopulation population;

	private final DemoVenues venueDemo;

	private final DemoStaff staffDemo;

	private final DemoDigital digitalDemo;

	private final boolean serviceHistory;

	private final ZoneId zone;

	DemoData(SiteDirectory sites, AccountStore accounts, SiteCatalogIngest ingest, CatalogSearch search,
			@Value("${branchlink.demo.catalogue-records:20000}") int catalogueRecords, ReaderRegistry readers,
			LendingDesk desk, CatalogCopies copies, DemoEvents events, MobileSchedule schedule, ServiceMenu menu,
			ResidentOrders residentOrders, KioskAccounts kiosks,
			DemoActivity activity, DemoHolds holds, DemoEventHistory eventHistory, DemoNeeds needs, DemoNotices notices,
			DemoMobileVisits mobileVisits, DemoPopulation population, DemoVenues venueDemo, DemoStaff staffDemo, DemoDigital digitalDemo,
			CountySettings county,
			@Value("${branchlink.demo.service-history:true}") boolean serviceHistory) {
		this.activity = activity;
		this.holds = holds;
		this.eventHistory = eventHistory;
		this.needs = needs;
		this.notices = notices;
		this.mobileVisits = mobileVisits;
		this.population = population;
		this.venueDemo = venueDemo;
		this.staffDemo = staffDemo;
		this.digitalDemo = digitalDemo;
		this.serviceHistory = serviceHistory;
		this.zone = county.zone();
		this.menu = menu;
		this.residentOrders = residentOrders;
		this.kiosks = kiosks;
		this.events = events;
		this.schedule = schedule;
		this.sites = sites;
		this.accounts = accounts;
		this.ingest = ingest;
		this.search = search;
		this.catalogueRecords = catalogueRecords;
		this.readers = readers;
		this.desk = desk;
		this.copies = copies;
	}

	@Override
	public void run(ApplicationArguments args) {
		sites.load(DemoCounty.registryYaml(), "demo-county.yml", false);
		accounts.save("admin", "demo-admin", "总馆管理员 Central administrator", Set.of(Role.CENTRAL_ADMIN), Set.of());
		accounts.save("librarian", "demo-librarian", "白石镇图书管理员 Baishi librarian", Set.of(Role.LIBRARIAN),
				Set.of(DemoCounty.demoLibrarianSite()));
		accounts.save("auditor", "demo-auditor", "理事会成员 Board member", Set.of(Role.AUDITOR), Set.of());
		accounts.save("reader", "demo-reader", "读者 Reader", Set.of(Role.READER), Set.of());
		accounts.saveApiKey(CENTRAL_LIBRARY_KEY, "central-library", "demo: central library ILS");
		kiosks.save("kiosk-baishi", "demo-kiosk", DemoCounty.demoLibrarianSite(), StandardCharsets.UTF_8, false);
		if (search.countWorks() == 0 && catalogueRecords > 0) {
			loadCatalogue();
		}
		DemoActivity.Past past = null;
		Reader demoReader = null;
		if (readers.byUsername("reader").isEmpty()) {
			past = activity.generate();
			demoReader = lendSomething();
		}
		events.publish();
		if (menu.items().isEmpty()) {
			menuItems();
			if (demoReader != null) {
				villageOrder(demoReader);
			}
		}
		notices.publish();
		population.importOnce();
		log.info("Demo staff: {}", staffDemo.setUp(schedule.today()));
		digitalDemo.listOnce();
		if (venueDemo.setUp() && past != null) {
			log.info("Demo venue bookings: {}", venueDemo.history(past.readers(), demoReader, past.days(), zone));
		}
		LocalDate today = schedule.today();
		if (past != null && serviceHistory && past.days() > 0 && !schedule.planned(today.minusDays(1))) {
			// the mobile units' visits of the generated past, every service's
			LocalDate first = today.minusDays(Math.min(past.days(), 365));
			for (MobileService service : schedule.services()) {
				schedule.generate(first, today.minusDays(1), service);
			}
			log.info("Demo mobile stops made: {}", mobileVisits.record(today.minusDays(Math.min(past.days(), 365)),
					today.minusDays(1), zone));
		}
		for (MobileService service : schedule.services()) {
			if (!schedule.planned(today, service)) {
				schedule.generate(today, today.plusMonths(1).minusDays(1), service);
			}
		}
		schedule.publishUpcoming();
		if (past != null && serviceHistory && !past.readers().isEmpty()) {
			long started = System.nanoTime();
			log.info("Demo holds: {}", holds.generate(past.readers(), demoReader, past.lending(), past.days()));
			log.info("Demo events: {}", eventHistory.generate(past.readers(), demoReader, past.lending(), past.days(), zone));
			log.info("Demo needs: {} over the past year answered", needs.generate(past.lending(), past.days(), zone));
			log.info("Demo holds, event history and needs in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		log.info("Demo county ready: logins admin, librarian, reader (see README); API key for central-library; SIP2 kiosk "
				+ "kiosk-baishi");
	}

	/** A few items on the service menu, from the culture hall and the library. */
	private void menuItems() {
		menu.publish(new ServiceMenu.ItemRequest("culture-hall", "performance", "送戏下乡：越剧折子戏专场",
				"县越剧团小分队，约 90 分钟，需 8×6 米场地", "场", 6, "quarter", List.of("elderly"), 90));
		menu.publish(new ServiceMenu.ItemRequest("culture-hall", "training", "书法培训进村（四次课）",
				"文化馆书法老师授课，含笔墨纸砚", "期", 8, "quarter", List.of("children"), 120));
		menu.publish(new ServiceMenu.ItemRequest("culture-hall", "service", "公益电影放映", "露天放映，自带幕布音响", "场",
				12, "quarter", List.of(), 120));
		menu.publish(new ServiceMenu.ItemRequest("central-library", "service", "图书流转箱（100 册）",
				"按村民需求选书，三个月后换箱", "箱", 10, "quarter", List.of(), 60));
		menu.publish(new ServiceMenu.ItemRequest("central-library", "lecture", "健康养生讲座", "县医院医生主讲", "讲", 4,
				"quarter", List.of("elderly"), 90));
	}

	/** The demo reader orders a film screening for a village of their township, for its committee (点单). */
	private void villageOrder(Reader reader) {
		sites.require().childrenOf(reader.homeSite()).stream().map(Site::id).sorted().findFirst().ifPresent(village ->
				menu.items().stream().filter(item -> item.title().equals("公益电影放映")).findFirst().ifPresent(item ->
						residentOrders.orderAsResident(reader.id(), new ResidentOrders.ResidentOrder(item.id(), village,
								schedule.today().plusDays(21), "committee", "村民委员会", "晒谷场放映，村里备电源"))));
	}

	/** The demo reader's card, and two loans from Baishi so "my loans" has something to renew. */
	private Reader lendSomething() {
		String site = DemoCounty.demoLibrarianSite();
		Reader reader = readers.register(new ReaderRegistry.Registration("演示读者", LocalDate.of(1990, 5, 4), "adult", site,
				null, true, null, null, "reader"));
		readers.register(new ReaderRegistry.Registration("小读者", LocalDate.of(2016, 9, 1), null, site, null, false,
				"家长", true, null));
		// the year of activity lends the site's first copies too, and on some days leaves one of them out: skip those
		List<String> lent = new ArrayList<>();
		for (String barcode : copies.barcodesAt(site, DemoHolds.LENT_COPIES + 2)) {
			if (lent.size() == 2) {
				break;
			}
			try {
				desk.checkout(site, reader.cardNumber(), barcode);
				lent.add(barcode);
			}
			catch (ConflictException refused) {
				if (!"on-loan-to-another".equals(refused.code())) {
					throw refused;
				}
			}
		}
		log.info("Demo reader card issued; {} loans at {}", lent.size(), site);
		return reader;
	}

	/** Generates the demo catalogue and loads the sites' files through the real ingest, as one bulk load. */
	private void loadCatalogue() {
		long started = System.nanoTime();
		List<DemoCatalogue.Holder> holders = DemoCatalogue.holders(sites.require());
		List<SiteCatalogIngest.SiteFile> files = new ArrayList<>();
		DemoCatalogue.generate(holders, catalogueRecords).forEach((site, bytes) -> files.add(
				new SiteCatalogIngest.SiteFile(site, "demo-" + site + ".mrc", new ByteArrayResource(bytes))));
		int records = ingest.ingestFiles(files).stream().mapToInt(IngestReport::read).sum();
		log.info("Demo catalogue: {} records from {} sites ingested, {} works, in {} ms", records, holders.size(),
				search.countWorks(), (System.nanoTime() - started) / 1_000_000);
	}

}
