package org.branchlink.gateway.sip2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SIP2 message without its error detection trailer: the two-digit code, the fixed-length part, and the variable
 * fields in the order they came ({@code AAvalue|}; a field id may repeat, e.g. {@code AU} items in a patron
 * information response). Immutable; build a response with {@link #of}.
 *
 * @param code the two-digit message code ({@code 93}, {@code 12}, …)
 * @param fixed the fixed-length fields after the code, as one string (may be empty)
 * @param fields the variable fields, in order
 */
record Sip2Message(String code, String fixed, List<Field> fields) {

	Sip2Message {
		Objects.requireNonNull(code);
		Objects.requireNonNull(fixed);
		fields = List.copyOf(fields);
	}

	/**
	 * A variable field.
	 *
	 * @param id its two-character id ({@code AA} patron identifier, {@code AB} item identifier, …)
	 * @param value its value, never null (an empty field is {@code ""})
	 */
	record Field(String id, String value) {
	}

	/** The first value of a field; empty when absent. */
	Optional<String> field(String id) {
		return fields.stream().filter(f -> f.id().equals(id)).map(Field::value).findFirst();
	}

	/** The first value of a field, stripped; empty when absent or blank. */
	Optional<String> text(String id) {
		return field(id).map(String::strip).filter(v -> !v.isEmpty());
	}

	/** Every value of a field, in order. */
	List<String> fields(String id) {
		return fields.stream().filter(f -> f.id().equals(id)).map(Field::value).toList();
	}

	/** Characters {@code from} (inclusive) to {@code to} (exclusive) of the fixed part. */
	String fixed(int from, int to) {
		return fixed.substring(from, to);
	}

	static Builder of(String code) {
		return new Builder(code);
	}

	/** Builds a message: fixed fields first, in order, then the variable fields. */
	static final class Builder {

		private final String code;

		private final StringBuilder fixed = new StringBuilder();

		private final List<Field> fields = new ArrayList<>();

		private Builder(String code) {
			this.code = code;
		}

		/** Appends fixed-length fields (the caller gives them at their length). */
		Builder fixed(String... parts) {
			for (String part : parts) {
				fixed.append(part);
			}
			return this;
		}

		/** A 1-character flag: {@code Y} or {@code N}. */
		Builder flag(boolean value) {
			fixed.append(value ? 'Y' : 'N');
			return this;
		}

		/** A number as a fixed field of {@code width} digits, zero-padded (capped at the largest that fits). */
		Builder count(long value, int width) {
			long max = (long) Math.pow(10, width) - 1;
			fixed.append(String.format("%0" + width + "d", Math.max(0, Math.min(value, max))));
			return this;
		}

		/** A variable field, also when empty (for required fields). */
		Builder field(String id, String value) {
			fields.add(new Field(id, value == null ? "" : value));
			return this;
		}

		/** A variable field only when it has a value. */
		Builder optional(String id, String value) {
			if (value != null && !value.isEmpty()) {
				fields.add(new Field(id, value));
			}
			return this;
		}

		Sip2Message build() {
			return new Sip2Message(code, fixed.toString(), fields);
		}

	}

}
