package org.entente.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relation's version in HTTP: the sequence number of its last event (Axon's aggregate version), sent as the
 * strong entity tag {@code "12"} in {@code ETag}, and expected back in {@code If-Match} on writes.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern ENTITY_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private Versions() {
    }

    /**
     * The version an {@code If-Match} header expects: null when there is none, or when it is {@code *} (any
     * version). Anything but one strong entity tag of a version is refused with 400 naming the header.
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new BadRequestException(IF_MATCH, IF_MATCH + ": '" + ifMatch + "' is not a relation version; send the ETag"
                    + " of GET /api/relations/{id} as it came, one version in quotes, e.g. \"12\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The entity tag of a version: {@code "12"}. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
