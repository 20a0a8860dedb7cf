package org.entente.relation.rules;

import java.time.LocalDate;
import java.util.Map;

/** Every dimension's answer at one date. */
public record Status(LocalDate at, Map<Dimension, DimensionAnswer> dimensions) {
}
