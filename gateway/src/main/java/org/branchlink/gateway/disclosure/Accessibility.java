package org.branchlink.gateway.disclosure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Barrier-free facilities a site discloses (无障碍设施, seed 001: 各级公共文化设施配备无障碍设施; DOMAIN 001-10); the words
 * are the bundles' {@code access.<code>}.
 */
public enum Accessibility {

	/** A step-free entrance or ramp (无障碍坡道). */
	RAMP,
	/** A lift to every public floor (无障碍电梯). */
	LIFT,
	/** An accessible toilet (无障碍卫生间). */
	TOILET,
	/** Wheelchairs to borrow (轮椅借用). */
	WHEELCHAIR,
	/** Braille books and a reading place for blind readers (盲文读物). */
	BRAILLE,
	/** Large-print books (大字本). */
	LARGE_PRINT,
	/** Screen readers, listening devices or audio books (读屏软件、听书机). */
	AUDIO,
	/** Tactile paving to the entrance (盲道). */
	TACTILE_PAVING,
	/** An accessible parking place (无障碍停车位). */
	PARKING;

	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<Accessibility> of(String code) {
		return Arrays.stream(values()).filter(value -> value.code().equals(code)).findFirst();
	}

}
