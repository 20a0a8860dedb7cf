package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner and NATO signed an agreement. */
public record AgreementSigned(String relationId, String factId, ValidDate date, List<Source> sources, AgreementKind agreement) implements HistoricalFact {
}
