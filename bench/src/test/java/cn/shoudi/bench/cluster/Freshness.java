package cn.shoudi.bench.cluster;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether each household's latest stored assessment says what its data says now: the service's trial evaluation of
 * the current data ({@code GET …/evaluation}, nothing stored) against the newest entry of its history
 * ({@code GET …/assessments}), compared by policy version, outcome per table and the rows that fired.
 */
final class Freshness {

    private Freshness() {
    }

    /** The households whose latest assessment differs from an evaluation of their current data, with both readings. */
    static List<String> stale(Client client, List<Long> households) {
        List<String> stale = new ArrayList<>();
        for (long h : households) {
            JsonNode now = client.get("/api/households/" + h + "/evaluation").expectOk("trial evaluation of " + h);
            JsonNode history = client.get("/api/households/" + h + "/assessments").expectOk("history of " + h);
            JsonNode latest = null;
            for (JsonNode a : history) {
                if (latest == null || a.get("id").asLong() > latest.get("id").asLong()) {
                    latest = a;
                }
            }
            String current = reading(now.get("policyVersion").asString(), outcomesOfDecisions(now), firedOf(now));
            String stored = latest == null ? "none" : reading(latest.get("policyVersion").asString(),
                    outcomesOf(latest), fired(latest.get("findings")));
            if (!current.equals(stored)) {
                stale.add("household " + h + ": now " + current + ", stored " + stored);
            }
        }
        return stale;
    }

    private static String reading(String policy, Map<String, String> outcomes, TreeSet<String> fired) {
        return policy + " " + outcomes + " " + fired;
    }

    private static Map<String, String> outcomesOfDecisions(JsonNode evaluation) {
        Map<String, String> out = new TreeMap<>();
        evaluation.get("decisions").properties().forEach(e -> out.put(e.getValue().get("tableId").asString(),
                e.getValue().get("outcome").asString()));
        return out;
    }

    private static TreeSet<String> firedOf(JsonNode evaluation) {
        TreeSet<String> out = new TreeSet<>();
        evaluation.get("decisions").properties().forEach(e -> out.addAll(fired(e.getValue().get("findings"))));
        return out;
    }

    private static Map<String, String> outcomesOf(JsonNode assessment) {
        Map<String, String> out = new TreeMap<>();
        assessment.get("outcomes").properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static TreeSet<String> fired(JsonNode findings) {
        TreeSet<String> out = new TreeSet<>();
        if (findings != null) {
            findings.forEach(f -> out.add(f.get("tableId").asString() + "#" + f.get("row").asInt() + ":"
                    + f.get("code").asString()));
        }
        return out;
    }
}
