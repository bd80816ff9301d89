package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.util.List;

/** A unit's working days in a plan's period, and which of them its runs have taken. */
final class UnitDays {

	private final List<LocalDate> days;

	private final boolean[] taken;

	UnitDays(List<LocalDate> days) {
		this.days = List.copyOf(days);
		this.taken = new boolean[days.size()];
	}

	LocalDate day(int index) {
		return days.get(index);
	}

	int size() {
		return days.size();
	}

	/**
	 * The days a run driven {@code visits} times would take: the first free day of each of the {@code visits} equal
	 * parts of the working days; null when a part has none free.
	 */
	int[] free(int visits) {
		int length = taken.length;
		int[] slots = new int[visits];
		for (int round = 0; round < visits; round++) {
			int start = (int) ((long) round * length / visits);
			int end = (int) ((long) (round + 1) * length / visits);
			int slot = start;
			while (slot < end && taken[slot]) {
				slot++;
			}
			if (slot >= end) {
				return null;
			}
			slots[round] = slot;
		}
		return slots;
	}

	void take(int[] slots) {
		for (int slot : slots) {
			taken[slot] = true;
		}
	}

	/** The share of the working days taken (1 when the unit has none). */
	double load() {
		int n = 0;
		for (boolean day : taken) {
			n += day ? 1 : 0;
		}
		return taken.length == 0 ? 1 : (double) n / taken.length;
	}

}
