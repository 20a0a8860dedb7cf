package org.entente.relation.events;

/**
 * Where a fact was read: a seed article ({@code seed}, the file name under {@code seeds/}) or a web page
 * ({@code url}), an optional title, and the quote that states the fact.
 */
public record Source(String seed, String url, String title, String quote) {

    public static Source seed(String seed, String quote) {
        return new Source(seed, null, null, quote);
    }
}
