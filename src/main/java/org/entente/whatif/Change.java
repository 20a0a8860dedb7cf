package org.entente.whatif;

import java.util.Map;

/** One change a scenario makes to the recorded timeline; {@code line} and {@code field} locate it in its file. */
public sealed interface Change {

    String factId();

    int line();

    String field();

    /** Leave the fact out of the timeline. */
    record Remove(String factId, int line, String field) implements Change {
    }

    /** The line of one of the change's own fields (e.g. a parameter of an added fact), else the change's line. */
    default int lineOf(String subField) {
        return line();
    }

    /**
     * Add a fact: {@code id}, {@code type}, {@code date}, the type's parameters and optional {@code sources};
     * {@code lines} gives the line of each of those fields.
     */
    record Add(Map<String, Object> fact, Map<String, Integer> lines, int line, String field) implements Change {
        @Override
        public int lineOf(String subField) {
            return lines.getOrDefault(subField.replaceAll("[.\\[].*", ""), line);
        }

        @Override
        public String factId() {
            return String.valueOf(fact.get("id"));
        }
    }

    /** Give the fact another date (with the precision the text of {@code to} implies). */
    record Redate(String factId, String to, int line, String field) implements Change {
    }

    /** Change some of the fact's parameters; {@code lines} gives the line of each. */
    record ChangeParameters(String factId, Map<String, Object> set, Map<String, Integer> lines, int line, String field)
            implements Change {
        @Override
        public int lineOf(String subField) {
            return lines.getOrDefault(subField.replaceAll("[.\\[].*", ""), line);
        }
    }
}
