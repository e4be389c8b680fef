package cn.shoudi.bench.peer;

import cn.shoudi.rules.table.Policy;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two tables evaluated by KIE's own DMN engine ({@code kie-dmn-core}, the DMN side of the Drools project), from
 * the same files as {@link CamundaDmnPolicy.Feel#SCALA}: both models compiled once into one {@link DMNRuntime} (FEEL
 * expressions parsed and compiled at that time), then each decision evaluated per household with a new
 * {@link DMNContext}. Thread-safe.
 *
 * <p>The files leave a cell that tests nothing empty, which Camunda skips without evaluating; KIE follows the DMN
 * standard, where such a cell is written {@code -}, and rejects an empty one. So every empty input entry is read as
 * {@code -} on loading, and nothing else changes.
 *
 * <p>KIE runs in its default mode (FEEL compiled once to an interpreted tree): neither of its optional compilers takes
 * these tables, the decision-table alpha network ({@code org.kie.dmn.compiler.alphanetwork}: "Unknown Index Type") nor
 * the compiled-FEEL profile (the Java it generates for the monitoring table does not compile).
 */
public final class KieDmnPolicy extends DmnPolicy {

    private static final Pattern EMPTY_INPUT_ENTRY = Pattern.compile("(<inputEntry [^>]*>)<text></text>");

    private final DMNRuntime runtime;
    private final DMNModel identification;
    private final DMNModel monitoring;

    /** @param policy a compiled policy holding the identification and monitoring tables and the parameters */
    public KieDmnPolicy(Policy policy) {
        super(policy);
        List<Resource> files = List.of(standardResource("identification.dmn"), standardResource("monitoring.dmn"));
        this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(files)
                .getOrElseThrow(e -> new IllegalStateException("KIE could not compile the DMN tables", e));
        this.identification = model("identification.xlsx");
        this.monitoring = model("monitoring.xlsx");
    }

    @Override
    protected List<MatchedRow> decide(String decisionId, Map<String, Object> inputs) {
        DMNContext context = runtime.newContext();
        inputs.forEach(context::set);
        DMNResult result = runtime.evaluateDecisionById(
                decisionId.equals(IDENTIFICATION) ? identification : monitoring, decisionId, context);
        DMNDecisionResult decision = result.getDecisionResultById(decisionId);
        if (decision.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED) {
            throw new IllegalStateException("KIE DMN failed on " + decisionId + ": " + result.getMessages());
        }
        List<MatchedRow> rows = new ArrayList<>();
        if (decision.getResult() instanceof List<?> matched) {
            for (Object row : matched) {
                Map<?, ?> outputs = (Map<?, ?>) row;
                rows.add(new MatchedRow((String) outputs.get("code"), (String) outputs.get("outcome")));
            }
        }
        return rows;
    }

    private static Resource standardResource(String file) {
        try (InputStream in = KieDmnPolicy.class.getResourceAsStream("/dmn/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no dmn/" + file + " on the class path");
            }
            String dmn = EMPTY_INPUT_ENTRY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .replaceAll("$1<text>-</text>");
            Resource resource = ResourceFactory.newByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath("dmn/" + file);
            return resource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DMNModel model(String name) {
        DMNModel model = runtime.getModel("https://shoudi.cn/dmn", name);
        if (model == null) {
            throw new IllegalStateException("no DMN model " + name + " among " + runtime.getModels());
        }
        if (model.hasErrors()) {
            throw new IllegalStateException("DMN model " + name + " has errors: " + model.getMessages());
        }
        return model;
    }
}
