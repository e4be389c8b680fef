package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-fact change history (数据项变更记录) of households: these facts decide eligibility, so every change of a
 * recorded fact keeps who changed it, when, and its old and new value, in the transaction of the change.
 */
@Component
class FactHistory {

    /**
     * One change of one fact.
     *
     * @param member    the member's name for a member-level fact, null for the household
     * @param fact      catalogue key
     * @param label     the fact's Chinese label
     * @param oldValue  canonical text before, null when it was not recorded
     * @param newValue  canonical text after, null when it was cleared
     * @param changedBy account that made the change ("system" for background work)
     * @param changedAt when
     */
    @Schema(name = "FactChange")
    record Change(String member, String fact, String label, String oldValue, String newValue, String changedBy,
                  Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FactHistory(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Writes the differences between two readings of {@link Household#recordedFacts()}. */
    void record(long householdId, Map<String, Map<String, String>> before, Map<String, Map<String, String>> after,
                String by, Instant at) {
        Set<String> members = new HashSet<>(before.keySet());
        members.addAll(after.keySet());
        List<Object[]> rows = new ArrayList<>();
        for (String member : members) {
            Map<String, String> was = before.getOrDefault(member, Map.of());
            Map<String, String> is = after.getOrDefault(member, Map.of());
            Set<String> keys = new TreeSet<>(was.keySet());
            keys.addAll(is.keySet());
            for (String key : keys) {
                if (!Objects.equals(was.get(key), is.get(key))) {
                    rows.add(new Object[] {householdId, member.isEmpty() ? null : member, key, cut(was.get(key)),
                            cut(is.get(key)), by, Timestamp.from(at)});
                }
            }
        }
        if (!rows.isEmpty()) { // one batch: a registration records every fact it brings
            template.batchUpdate("INSERT INTO registry_fact_change (household_id, member_name, fact_key, old_value, "
                    + "new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** A household's changes, newest first. */
    List<Change> of(long householdId) {
        return jdbc.sql("SELECT member_name, fact_key, old_value, new_value, changed_by, changed_at "
                        + "FROM registry_fact_change WHERE household_id = ? ORDER BY id DESC")
                .param(householdId)
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2),
                        FactCatalogue.STANDARD.get(rs.getString(2)).map(FactDefinition::label)
                                .orElse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 400 ? s : s.substring(0, 397) + "…";
    }
}
