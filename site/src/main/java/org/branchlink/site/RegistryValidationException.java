package org.branchlink.site;

import java.util.List;
import java.util.stream.Collectors;

/** A registry file was refused as a whole; nothing of it was loaded. */
public class RegistryValidationException extends RuntimeException {

	private final String source;

	private final List<RegistryProblem> problems;

	public RegistryValidationException(String source, List<RegistryProblem> problems) {
		super("site registry " + source + " refused, nothing loaded (" + problems.size() + " problem"
				+ (problems.size() == 1 ? "" : "s") + "):\n"
				+ problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	public String source() {
		return source;
	}

	public List<RegistryProblem> problems() {
		return problems;
	}

}
