package cn.shoudi.assessment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores new assessments with three JDBC batches whatever their number (assessments with their generated ids, then
 * all their decisions, then all their findings), which the MySQL driver sends as multi-row inserts. Spring Data JDBC's
 * {@code saveAll} gives the same rows but spends most of a full re-evaluation's CPU building its change plan per
 * aggregate; assessments are written once and never changed, so they need none of it. Reading stays with the
 * repository.
 */
@Component
class AssessmentWriter {

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;

    AssessmentWriter(NamedParameterJdbcTemplate named) {
        this.named = named;
        this.jdbc = named.getJdbcTemplate();
    }

    /** Inserts the assessments (their ids must be null) and returns them with their new ids, in the same order. */
    List<Assessment> insert(List<Assessment> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] roots = records.stream().map(a -> new MapSqlParameterSource()
                        .addValue("householdId", a.householdId())
                        .addValue("householdVersion", a.householdVersion())
                        .addValue("policyVersion", a.policyVersion())
                        .addValue("asOf", a.asOf())
                        .addValue("inputsHash", a.inputsHash())
                        .addValue("createdAt", Timestamp.from(a.createdAt())))
                .toArray(SqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate("INSERT INTO assessment (household_id, household_version, policy_version, as_of, "
                + "inputs_hash, created_at) VALUES (:householdId, :householdVersion, :policyVersion, :asOf, "
                + ":inputsHash, :createdAt)", roots, keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != records.size()) {
            throw new IllegalStateException("expected " + records.size() + " generated assessment ids, got "
                    + generated.size());
        }
        List<Assessment> saved = new ArrayList<>(records.size());
        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Assessment a = records.get(i);
            long id = ((Number) generated.get(i).values().iterator().next()).longValue();
            saved.add(new Assessment(id, a.householdId(), a.householdVersion(), a.policyVersion(), a.asOf(),
                    a.inputsHash(), a.createdAt(), a.decisions(), a.findings()));
            for (int p = 0; p < a.decisions().size(); p++) {
                Assessment.DecisionRecord d = a.decisions().get(p);
                decisions.add(new Object[]{id, p, d.tableId(), d.title(), d.outcome()});
            }
            for (int p = 0; p < a.findings().size(); p++) {
                Assessment.FindingRecord f = a.findings().get(p);
                findings.add(new Object[]{id, p, f.tableId(), f.tableTitle(), f.fileName(), f.sheet(), f.rowNo(),
                        f.code(), f.outcome(), f.reason(), f.taskCode(), f.outputs(), f.tested(), f.parameters()});
            }
        }
        if (!decisions.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO assessment_decision (assessment_id, position, table_id, title, outcome) "
                    + "VALUES (?, ?, ?, ?, ?)", decisions);
        }
        if (!findings.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO assessment_finding (assessment_id, position, table_id, table_title, "
                    + "file_name, sheet, row_no, code, outcome, reason, task_code, outputs, tested, parameters) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", findings);
        }
        return saved;
    }
}
