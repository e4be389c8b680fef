package cn.shoudi.assessment;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.IdNumbers;
import cn.shoudi.rules.facts.MemberInput;
import cn.shoudi.rules.facts.SignalInput;
import cn.shoudi.rules.params.ParameterSet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An example household (示例户) of a workbook as the REST API takes it: the {@code POST /api/households} body and the
 * {@code POST /api/signals} bodies. Where each recorded fact goes (a named field, {@code housing.…} or the
 * {@code facts} map) is read from the {@link FactCatalogue}, never from a list of its own. The facts people do not
 * type (monitoring status, measures, visit findings, procedure dates) are not in the household body: the example's
 * {@link #status()} says which procedures and visit give them.
 *
 * <p>A department signal always names a person; the examples sheet leaves the ID number blank for a signal about the
 * household. Such a signal is sent with the head's ID number, and a head without one (a synthetic member 示例成员1) is
 * given a valid generated number, so that the signal can be matched at all.
 */
final class ExampleRequests {

    private static final String MEMBER_FIELD = "members[].";
    private static final String HOUSING_FIELD = "housing.";
    private static final String SHARED_ID_NUMBERS = "sharedIdNumberCount";

    private final ExampleCase example;
    private final String householdNo;
    private final String eventPrefix;
    private final List<MemberInput> members;
    private final ExampleStatus status;

    /**
     * @param example     the example, never null
     * @param householdNo a household number no other household has
     * @param eventPrefix prefix of the signals' event ids, unique per test run
     * @param serial      a small number unique among the run's examples, for generated ID numbers
     * @param parameters  the shipped policy's parameters, for the procedures' notice days
     * @param tableReads  the stored facts the example's table reads (catalogue keys)
     */
    ExampleRequests(ExampleCase example, String householdNo, String eventPrefix, int serial, ParameterSet parameters,
                    Set<String> tableReads) {
        this.example = example;
        this.householdNo = householdNo;
        this.eventPrefix = eventPrefix;
        this.members = withHeadIdForSignals(example.input(), serial);
        this.status = new ExampleStatus(example, parameters, tableReads);
    }

    /** The procedures, correction and visit that give the household the facts people do not type. */
    ExampleStatus status() {
        return status;
    }

    /**
     * The household body: basics, housing and recorded facts; the helper only when the example says one is assigned.
     * A household the identification procedure makes 未脱贫户 or 脱贫户 is registered as 一般农户 without years.
     */
    Map<String, Object> household(long villageId, long groupId, long helperId) {
        HouseholdInput in = example.input();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("householdNo", householdNo);
        body.put("villageId", villageId);
        body.put("groupId", groupId);
        body.put("householdClass", status.registeredAs().label());
        body.put("netIncome", in.netIncome());
        body.put("rigidExpenditure", in.rigidExpenditure());
        body.put("previousYearNetIncome", in.previousYearNetIncome());
        body.put("riskTypes", in.riskTypes());
        body.put("selfCoping", in.selfCoping());
        body.put("guaranteeIssue", in.guaranteeIssue());
        Map<String, Object> housing = new LinkedHashMap<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        in.details().values().forEach((key, value) -> {
            if (key.equals("helperAssigned")) {
                if (Boolean.TRUE.equals(value)) {
                    body.put("helperCadreId", helperId);
                }
                return;
            }
            if (key.equals(SHARED_ID_NUMBERS)) {
                return; // not part of the household: see sharedIdNumbers()
            }
            FactDefinition d = FactCatalogue.STANDARD.require(key);
            if (!ExampleStatus.typedByPeople(d) || status.decidedByProcedure(key)) {
                return; // given by procedures and visits: see status()
            }
            if (d.inFactsMap()) {
                facts.put(key, json(value));
            } else if (d.field() != null && d.field().startsWith(HOUSING_FIELD)) {
                housing.put(d.field().substring(HOUSING_FIELD.length()), json(value));
            } else {
                throw new IllegalStateException("no place in the household body for " + key + " (" + d.field() + ")");
            }
        });
        body.put("housing", housing);
        body.put("facts", facts);
        body.put("members", members.stream().map(ExampleRequests::member).toList());
        return body;
    }

    /**
     * The example household as the rules read it, with the members as {@link #household} sends them: what a test writes
     * as older data when the registry refuses the example.
     */
    HouseholdInput input() {
        HouseholdInput in = example.input();
        return new HouseholdInput(householdNo, in.householdClass(), members, in.netIncome(), in.rigidExpenditure(),
                in.previousYearNetIncome(), in.riskTypes(), in.selfCoping(), in.guaranteeIssue(), in.details());
    }

    /**
     * The ID numbers the example says are also members of another active household ({@code sharedIdNumberCount}, the
     * registry's cross-household comparison): the first that many distinct ID numbers of its members. The registry
     * refuses to register them twice, so a test puts them into the database as old data arrives (bypassing validation).
     */
    List<String> sharedIdNumbers() {
        Object count = example.input().details().values().get(SHARED_ID_NUMBERS);
        int n = count == null ? 0 : ((Number) count).intValue();
        List<String> numbers = members.stream().map(MemberInput::idNumber).filter(id -> id != null).distinct()
                .limit(n).toList();
        if (numbers.size() < n) {
            throw new IllegalStateException(example.id() + " shares " + n + " ID numbers but its members have only "
                    + numbers.size());
        }
        return numbers;
    }

    /** The signal bodies, each with its source department ({@code source}) and an event id unique to this run. */
    List<Map<String, Object>> signals() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<SignalInput> signals = example.input().details().signals();
        for (int i = 0; i < signals.size(); i++) {
            SignalInput s = signals.get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source", s.department());
            body.put("eventId", eventPrefix + "-" + (s.eventId() == null ? String.valueOf(i + 1) : s.eventId()));
            body.put("kind", s.kind());
            body.put("amount", s.amount());
            body.put("date", s.date().toString());
            body.put("idNumber", s.memberIdNumber() != null ? s.memberIdNumber() : members.get(0).idNumber());
            body.put("detail", "示例 " + example.tableId() + " " + example.id());
            out.add(body);
        }
        return out;
    }

    private static Map<String, Object> member(MemberInput m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", m.name());
        body.put("idNumber", m.idNumber());
        body.put("sex", m.sex());
        body.put("birthDate", m.birthDate().toString());
        body.put("relation", m.relation());
        Map<String, Object> facts = new LinkedHashMap<>();
        m.facts().forEach((key, value) -> {
            FactDefinition d = FactCatalogue.STANDARD.require(key);
            if (d.inFactsMap()) {
                facts.put(key, json(value));
            } else if (d.field() != null && d.field().startsWith(MEMBER_FIELD)) {
                body.put(d.field().substring(MEMBER_FIELD.length()), json(value));
            } else {
                throw new IllegalStateException("no place in the member body for " + key + " (" + d.field() + ")");
            }
        });
        body.put("facts", facts);
        return body;
    }

    /** The members, the head with a generated ID number when a signal must name him and he has none. */
    private static List<MemberInput> withHeadIdForSignals(HouseholdInput in, int serial) {
        List<MemberInput> out = new ArrayList<>(in.members());
        MemberInput head = out.get(0);
        boolean needed = in.details().signals().stream().anyMatch(s -> s.memberIdNumber() == null);
        if (needed && head.idNumber() == null) {
            int sequence = 2 * (serial % 499) + ("男".equals(head.sex()) ? 1 : 2);
            String first17 = "500243" + head.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", sequence);
            out.set(0, new MemberInput(head.name(), first17 + IdNumbers.checkCharacter(first17), head.sex(),
                    head.birthDate(), head.relation(), head.facts()));
        }
        return out;
    }

    private static Object json(Object value) {
        return value instanceof LocalDate d ? d.toString() : value;
    }
}
