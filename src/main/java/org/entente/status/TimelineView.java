package org.entente.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every dimension's answers over all of time, as consecutive intervals ({@code knownAt}: as of that record time). */
public record TimelineView(String relation, Instant knownAt, Map<String, List<SegmentView>> dimensions) {
}
