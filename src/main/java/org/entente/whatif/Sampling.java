package org.entente.whatif;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Monte Carlo part of a scenario: how many timelines to sample, from which seed, the days to report,
 * and the uncertain changes — a change that happens with a {@code probability}, and a re-dating to any
 * period of a range ({@code to: {from: "2014-01", to: "2018-12"}}, uniformly; the candidate dates).
 * Keys are indexes into the scenario's changes.
 */
public record Sampling(int samples, long seed, List<LocalDate> at, Map<Integer, Double> probabilities,
                       Map<Integer, List<String>> dateRanges) {
}
