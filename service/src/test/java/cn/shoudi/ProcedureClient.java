package cn.shoudi;

import cn.shoudi.procedure.Step;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Procedures through the REST API as the people who take their steps: village steps (申请, 核实, 评议, 村级公示) by the
 * town's helper cadre, township steps (比对, 乡镇审核, 乡镇公示, 县级审定, 公告) by a township leader.
 */
public final class ProcedureClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP answer: status and the JSON body (a problem detail for errors). */
    public record Answer(int status, Map<String, Object> body) {

        /** The problem's detail (or the whole body as text). */
        public String detail() {
            Object d = body.get("detail");
            return d == null ? String.valueOf(body) : d.toString();
        }
    }

    private final ApiClient village;
    private final ApiClient leader;

    public ProcedureClient(ApiClient api, TestTownship town) {
        this.village = api.asCadre(town.helperId);
        this.leader = api.asRole("LEADER", "leader");
    }

    /** The helper cadre's client (village steps). */
    public ApiClient village() {
        return village;
    }

    /** The township leader's client (township steps, pipeline). */
    public ApiClient leader() {
        return leader;
    }

    /** Any request, answered with its status and JSON body whatever the status. */
    public static Answer call(ApiClient as, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec spec = as.http().method(method).uri(path);
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((rq, rs) -> {
            String text = new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> map = text.isBlank() || !text.trim().startsWith("{") ? Map.of("text", text)
                    : JSON.readValue(text, Map.class);
            return new Answer(rs.getStatusCode().value(), map);
        });
    }

    /** Starts a procedure as the helper cadre. */
    public Answer start(long householdId, Map<String, Object> body) {
        return call(village, HttpMethod.POST, "/api/households/" + householdId + "/procedures", body);
    }

    /** Starts a procedure as the helper cadre and expects 201; returns the procedure's id. */
    public long started(long householdId, Map<String, Object> body) {
        Answer a = start(householdId, body);
        assertThat(a.status()).as(a.detail()).isEqualTo(201);
        return TestTownship.id(a.body());
    }

    /** Takes a step as {@code as}. */
    public static Answer take(ApiClient as, long procedureId, String step, String outcome, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        body.put("outcome", outcome);
        body.put("date", date);
        return call(as, HttpMethod.POST, "/api/procedures/" + procedureId + "/steps", body);
    }

    /** Takes a step as whoever takes it (village or township), with an optional reference. */
    public Answer take(long procedureId, String step, String outcome, String date, String reference) {
        return take(procedureId, step, outcome, date, reference, null);
    }

    /** Takes a step as whoever takes it, with an optional reference and note (a 不通过 needs its reason). */
    public Answer take(long procedureId, String step, String outcome, String date, String reference, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        body.put("outcome", outcome);
        body.put("date", date);
        body.put("reference", reference);
        body.put("note", note);
        return call(by(step), HttpMethod.POST, "/api/procedures/" + procedureId + "/steps", body);
    }

    /** The step passed as whoever takes it; expects 200 and returns the procedure. */
    public Map<String, Object> pass(long procedureId, String step, String date) {
        return ok(take(procedureId, step, "PASSED", date, null));
    }

    /** The notice posted on one date and closed without objection on another; returns the procedure. */
    public Map<String, Object> notice(long procedureId, String step, String posted, String closed) {
        ok(take(procedureId, step, "POSTED", posted, null));
        return pass(procedureId, step, closed);
    }

    /** Takes each step in order, one date each (a notice: posted, then closed), and returns the procedure. */
    public Map<String, Object> steps(long procedureId, List<String> stepsAndDates) {
        Map<String, Object> last = null;
        for (String s : stepsAndDates) {
            String[] p = s.split(" ");
            last = p.length == 3 ? notice(procedureId, p[0], p[1], p[2]) : pass(procedureId, p[0], p[1]);
        }
        return last;
    }

    /** The procedure as its helper cadre sees it. */
    public Map<String, Object> get(long procedureId) {
        return village.get("/api/procedures/" + procedureId);
    }

    private ApiClient by(String step) {
        return Step.parse(step).orElseThrow().level() == Step.Level.VILLAGE ? village : leader;
    }

    /** Expects 200 and returns the body. */
    public static Map<String, Object> ok(Answer a) {
        assertThat(a.status()).as(a.detail()).isEqualTo(200);
        return a.body();
    }
}
