package org.entente.status;

import java.util.List;
import java.util.Map;

/** Every dimension's answers over all of time, as consecutive intervals. */
public record TimelineView(String relation, Map<String, List<SegmentView>> dimensions) {
}
