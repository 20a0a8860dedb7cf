package org.entente.relation.events;

import java.util.List;

/** A relation between two parties was opened in the store; its facts follow. */
public record RelationOpened(String relationId, String title, List<String> parties) implements RelationEvent {
}
