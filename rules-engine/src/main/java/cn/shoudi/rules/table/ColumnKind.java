package cn.shoudi.rules.table;

import java.util.Arrays;
import java.util.Optional;

/**
 * The exact header words a rule table may use. Drools itself matches header words loosely (by their first letter,
 * ignoring unknown ones), so every header is checked against this list before compiling.
 */
public enum ColumnKind {
    NAME("NAME"),
    CONDITION("CONDITION"),
    ACTION("ACTION"),
    PRIORITY("PRIORITY"),
    ACTIVATION_GROUP("ACTIVATION-GROUP"),
    AGENDA_GROUP("AGENDA-GROUP");

    private final String header;

    ColumnKind(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The kind whose header is exactly {@code text}, if any. */
    public static Optional<ColumnKind> ofHeader(String text) {
        return Arrays.stream(values()).filter(k -> k.header.equals(text)).findFirst();
    }

    /** The accepted header words, for error messages. */
    public static String accepted() {
        return String.join("、", Arrays.stream(values()).map(ColumnKind::header).toList());
    }
}
