package org.entente.relation.rules;

import java.time.LocalDate;

/** An inclusive range of days. */
public record Window(LocalDate from, LocalDate to) {
}
