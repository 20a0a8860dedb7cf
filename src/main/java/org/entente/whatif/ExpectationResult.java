package org.entente.whatif;

/** One {@code expect:} entry of a scenario, checked: what it expected, what the run showed. */
public record ExpectationResult(String field, int line, String expected, String actual, boolean passed) {
}
