package org.entente.fuzz;

/**
 * The seed of every generated input in the property tests, so that a run is reproducible (as every random
 * choice in Entente is). To explore other inputs, change it here; a failure prints the sample and the seed.
 */
final class FuzzSeed {

    static final String SEED = "20261122";

    private FuzzSeed() {
    }
}
