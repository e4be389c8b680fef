package cn.shoudi.rules.table;

import cn.shoudi.rules.facts.HouseholdFacts;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a condition snippet: which facts it tests, which parameters it uses, and what kind of value its cells need.
 */
final class SnippetAnalysis {

    enum CellKind { TEXT, NUMBER, BOOLEAN, PARAMETER }

    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.$\\w])([A-Za-z_]\\w*)");
    private static final Pattern PARAM_LITERAL = Pattern.compile("param\\(\\s*\"([^\"$]+)\"\\s*\\)");
    private static final Pattern COMPARED = Pattern.compile("(\\w+)\\s*(?:==|!=|>=|<=|>|<)\\s*\\$param\\b");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "param", "matches", "contains",
            "memberOf", "in", "not", "soundslike", "excludes", "str");

    private SnippetAnalysis() {
    }

    /** Fact property names a snippet tests (helpers mapped to the fact they read). */
    static List<String> testedFacts(String snippet) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : identifiers(snippet)) {
            if (HouseholdFacts.HELPER_INPUTS.containsKey(id)) {
                out.add(HouseholdFacts.HELPER_INPUTS.get(id));
            } else if (HouseholdFacts.INPUT_NAMES.containsKey(id)) {
                out.add(id);
            }
        }
        return new ArrayList<>(out);
    }

    /** Identifiers that are neither facts, helpers nor keywords. */
    static List<String> unknownIdentifiers(String snippet) {
        List<String> out = new ArrayList<>();
        for (String id : identifiers(snippet)) {
            if (!KEYWORDS.contains(id) && !HouseholdFacts.INPUT_NAMES.containsKey(id)
                    && !HouseholdFacts.HELPER_INPUTS.containsKey(id) && !isNumber(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Parameter codes written literally in a snippet, e.g. param("monitoring_line"). */
    static List<String> literalParameters(String snippet) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAM_LITERAL.matcher(snippet);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    /** What a cell under this snippet must hold. */
    static CellKind cellKind(String snippet) {
        String s = snippet.replaceAll("\\s+", "");
        if (s.contains("param(\"$param\")")) {
            return CellKind.PARAMETER;
        }
        if (s.contains("\"$param\"")) {
            return CellKind.TEXT;
        }
        Matcher m = COMPARED.matcher(snippet);
        if (m.find()) {
            Class<?> type = factType(m.group(1));
            if (type == boolean.class || type == Boolean.class) {
                return CellKind.BOOLEAN;
            }
            if (type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type))) {
                return CellKind.NUMBER;
            }
        }
        return CellKind.TEXT;
    }

    private static Class<?> factType(String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                Method m = HouseholdFacts.class.getMethod(prefix + cap);
                return m.getReturnType();
            } catch (NoSuchMethodException ignored) {
                // try the next accessor form
            }
        }
        return null;
    }

    private static List<String> identifiers(String snippet) {
        String code = STRING_LITERAL.matcher(snippet.replace("$param", " ")).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        return s.chars().allMatch(Character::isDigit);
    }
}
