package org.branchlink.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.branchlink.gateway.demand.DemandTickets;
import org.branchlink.site.Site;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The residents' needs of the demo county's past year, before the recent ones {@link DemoActivity} leaves open: about
 * two a week, each received, reviewed for the public board, classified and answered on its own days through the
 * tickets' own verbs ({@link DemoClock}): most handled by the site within its working days, some late (the daily sweep
 * finds them past the deadline and escalates them), some passed up a level, made a project or declined with a reason;
 * so the compliance figure of the reports has a year behind it.
 */
@Component
@Profile("demo")
class DemoNeeds {

	private static final String[] CHANNELS = { "online", "phone", "suggestion_box", "door_visit", "online", "online" };

	private final DemandTickets tickets;

	private final DemoClock clock;

	DemoNeeds(DemandTickets tickets, DemoClock clock) {
		this.tickets = tickets;
		this.clock = clock;
	}

	/** Generates the needs from {@code days} ago to three weeks ago at these sites; returns how many. */
	int generate(List<Site> lending, int days, ZoneId zone) {
		Random random = new Random(2029);
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		int count = 0;
		try {
			for (LocalDate day = today.minusDays(Math.min(days, 365)); day.isBefore(today.minusDays(21));
					day = day.plusDays(2 + random.nextInt(4))) {
				Site site = lending.get(random.nextInt(lending.size()));
				String need = DemoActivity.NEEDS[random.nextInt(DemoActivity.NEEDS.length)];
				Instant received = day.atTime(8 + random.nextInt(10), random.nextInt(60)).atZone(zone).toInstant();
				clock.travelTo(received);
				DemandTickets.Ticket ticket = tickets.register(new DemandTickets.Intake(CHANNELS[random.nextInt(CHANNELS.length)],
						need, site.id(), null, null, received), "demo");
				boolean publish = random.nextInt(5) > 0;
				clock.travelTo(received.plus(Duration.ofHours(3 + random.nextInt(20))));
				tickets.review(ticket.id(), publish, need, "librarian");
				int pick = random.nextInt(20);
				String disposition = pick < 13 ? "handle" : pick < 15 ? "escalate" : pick < 18 ? "project" : "decline";
				clock.travelTo(clock.instant().plus(Duration.ofHours(2 + random.nextInt(30))));
				ticket = tickets.classify(ticket.id(), new DemandTickets.Classification(random.nextBoolean() ? "group" : "individual",
						random.nextInt(4) == 0 ? "passive" : "active", random.nextInt(3) == 0 ? "special_group" : "general",
						site.id(), random.nextInt(5) == 0 ? "high" : "normal", random.nextInt(4) == 0 ? "moderate" : "easy",
						disposition, disposition.equals("escalate") ? "县文化馆" : null), "librarian");
				boolean late = disposition.equals("handle") && random.nextInt(9) == 0;
				if (late) {
					// nobody answered in time: the next morning's sweep escalates it, the answer comes days after
					LocalDate after = ticket.deadline().plusDays(1);
					clock.travelTo(after.atTime(2, 0).atZone(zone).toInstant());
					tickets.sweep(after);
					clock.travelTo(after.plusDays(1 + random.nextInt(4)).atTime(15, 0).atZone(zone).toInstant());
				}
				else {
					clock.travelTo(clock.instant().plus(Duration.ofHours(20 + random.nextInt(disposition.equals("handle") ? 120 : 48))));
				}
				tickets.answer(ticket.id(), answer(disposition), publish, "librarian");
				count++;
			}
		}
		finally {
			clock.back();
		}
		return count;
	}

	private static String answer(String disposition) {
		return switch (disposition) {
			case "handle" -> "已安排，感谢您的建议。";
			case "escalate" -> "已转县文化馆统筹安排，将另行通知。";
			case "project" -> "已列入明年公共文化服务项目计划。";
			default -> "经研究暂不具备条件，已向您说明原因。";
		};
	}

}
