package org.branchlink.gateway.venue;

import java.time.LocalDate;
import java.util.Locale;

import org.branchlink.gateway.platform.InvalidRequestException;

/**
 * A registered amateur troupe (群众文艺团队, 民间文艺团体) or team (a reading club, a volunteer team) of a site: registered,
 * it uses the county's venues free and is given guidance and training (seed 001, (四)2). Its contact is a reader (by
 * card), who books venues for it; its leader's and members' names are for staff only.
 */
public record AmateurTroupe(long id, String siteId, Kind kind, String name, String genre, String leader,
		String contactCard, LocalDate registeredOn, boolean active, int members) {

	/** A troupe of performers or a team. */
	public enum Kind {
		/** A troupe: dance, opera, choir, a band (文艺团队). */
		TROUPE,
		/** A team: a reading club, a volunteer team (读书会、志愿服务队). */
		TEAM;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equals(code)) {
					return kind;
				}
			}
			throw new InvalidRequestException("troupe-kind", String.valueOf(code));
		}
	}

	/** A member, with the part they play. */
	public record Member(long id, long troupeId, String name, String part, LocalDate joinedOn) {
	}

	/** Guidance or training given to the troupe (艺术指导、培训). */
	public record Guidance(long id, long troupeId, LocalDate givenOn, String guide, String content) {
	}

}
