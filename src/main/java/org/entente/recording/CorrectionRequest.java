package org.entente.recording;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/relations/{id}/facts/{factId}/corrections}: any of a new {@code date}, new
 * {@code parameters}, sources to add or retract, or {@code retract: true}; always the correction's own
 * {@code sources} and a {@code reason}; {@code recordAnyway} to keep it even when later facts become
 * impossible (they are then contested).
 */
public record CorrectionRequest(String date, Map<String, Object> parameters, List<Map<String, Object>> addSources,
                                List<Map<String, Object>> retractSources, Boolean retract, List<Map<String, Object>> sources,
                                String reason, Boolean recordAnyway) {
}
