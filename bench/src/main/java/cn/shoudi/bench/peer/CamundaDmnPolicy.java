package cn.shoudi.bench.peer;

import cn.shoudi.rules.table.Policy;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two tables evaluated by Camunda 7's standalone DMN engine, a plain library (no process engine and so no
 * history), as its documentation recommends: one engine, each decision parsed once, {@code evaluateDecisionTable} per
 * household. Two set-ups of the engine, see {@link Feel}. Thread-safe.
 */
public final class CamundaDmnPolicy extends DmnPolicy {

    /** Which FEEL engine evaluates the tables' input entries. */
    public enum Feel {
        /**
         * The default configuration: the FEEL Scala engine for every expression. It parses each input entry again on
         * every evaluation (feel-scala issue #1149). Tables {@code dmn/identification.dmn}, {@code dmn/monitoring.dmn}.
         */
        SCALA("identification.dmn", "monitoring.dmn"),
        /**
         * The legacy behaviour ({@code enableFeelLegacyBehavior}, Camunda ≤ 7.12's default): input entries are FEEL
         * simple unary tests turned into JUEL, input expressions and output entries are JUEL; each expression is
         * compiled once and cached. Camunda's documentation allows this mode for input entries that are simple unary
         * tests; the one entry that is not (a risk type among two, rows M-4) is written in JUEL in
         * {@code dmn/monitoring-juel.dmn}; the identification table is the same file as for {@link #SCALA}.
         */
        LEGACY_JUEL("identification.dmn", "monitoring-juel.dmn");

        private final String identificationFile;
        private final String monitoringFile;

        Feel(String identificationFile, String monitoringFile) {
            this.identificationFile = identificationFile;
            this.monitoringFile = monitoringFile;
        }
    }

    private final DmnEngine engine;
    private final DmnDecision identification;
    private final DmnDecision monitoring;

    /**
     * @param policy a compiled policy holding the identification and monitoring tables and the parameters
     * @param feel   which FEEL engine evaluates the input entries
     */
    public CamundaDmnPolicy(Policy policy, Feel feel) {
        super(policy);
        this.engine = new DefaultDmnEngineConfiguration().enableFeelLegacyBehavior(feel == Feel.LEGACY_JUEL)
                .buildEngine();
        this.identification = parse(IDENTIFICATION, feel.identificationFile);
        this.monitoring = parse(MONITORING, feel.monitoringFile);
    }

    @Override
    protected List<MatchedRow> decide(String decisionId, Map<String, Object> inputs) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(
                decisionId.equals(IDENTIFICATION) ? identification : monitoring, inputs);
        List<MatchedRow> rows = new ArrayList<>(result.size());
        for (DmnDecisionRuleResult row : result) {
            // a blank output entry is absent from the row in the legacy mode and null in the default one
            rows.add(new MatchedRow(row.getEntry("code"), (String) row.get("outcome")));
        }
        return rows;
    }

    private DmnDecision parse(String decisionId, String file) {
        try (InputStream in = CamundaDmnPolicy.class.getResourceAsStream("/dmn/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no dmn/" + file + " on the class path");
            }
            return engine.parseDecision(decisionId, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
