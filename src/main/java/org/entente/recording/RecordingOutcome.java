package org.entente.recording;

import java.util.List;

/**
 * What a recording did: {@code recorded} is false when the same fact was already recorded;
 * {@code contested} lists the facts a correction recorded anyway made impossible.
 */
public record RecordingOutcome(String relation, String factId, boolean recorded, String message, List<String> contested) {
}
