package cn.shoudi.assessment;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.HouseholdDetails;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import cn.shoudi.rules.facts.SignalInput;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs hash decides whether a household must be evaluated again: every value the rules read must change it, and
 * nothing else may (order of a set, the scale of a decimal).
 */
class InputsHashUnitTest {

    private static final SignalInput SIGNAL = new SignalInput("医保", "住院自付", new BigDecimal("12000.00"),
            LocalDate.of(2021, 5, 1), "500243196504120011", "医保-YB-1");

    private static MemberInput member() {
        return new MemberInput("冉德才", "500243196504120011", "男", LocalDate.of(1965, 4, 12), "户主",
                Map.of("schooling", "非在校", "health", "健康", "labour", "普通劳动力", "medicalInsured", true));
    }

    private static HouseholdInput household(List<MemberInput> members, HouseholdDetails details, Set<String> risks,
                                            BigDecimal income) {
        return new HouseholdInput("1", HouseholdClass.EXITED, members, income, BigDecimal.ZERO, null, risks, false,
                false, details);
    }

    private static HouseholdInput base() {
        return household(List.of(member()), HouseholdDetails.NONE, new LinkedHashSet<>(List.of("因病", "因学")),
                new BigDecimal("30000.00"));
    }

    @Test
    void equalDataHashesEquallyWhateverTheSetOrderAndDecimalScale() {
        HouseholdInput other = household(List.of(member()), HouseholdDetails.NONE,
                new LinkedHashSet<>(List.of("因学", "因病")), new BigDecimal("30000"));
        assertThat(AssessmentService.inputsHash(other)).isEqualTo(AssessmentService.inputsHash(base()))
                .hasSize(64);
    }

    @Test
    void everyComponentOfAMemberChangesTheHash() throws Exception {
        String before = AssessmentService.inputsHash(base());
        for (RecordComponent c : MemberInput.class.getRecordComponents()) {
            if (c.getName().equals("facts")) {
                continue;
            }
            MemberInput changed = withChanged(member(), c);
            assertThat(AssessmentService.inputsHash(household(List.of(changed), HouseholdDetails.NONE,
                    Set.of("因病", "因学"), new BigDecimal("30000.00"))))
                    .as("member's %s", c.getName()).isNotEqualTo(before);
        }
    }

    @Test
    void everyRecordedMemberFactChangesTheHash() {
        String before = AssessmentService.inputsHash(base());
        List<FactDefinition> facts = FactCatalogue.STANDARD.recorded(FactDefinition.Level.MEMBER);
        assertThat(facts).isNotEmpty();
        for (FactDefinition d : facts) {
            if (d.isMemberIdentity()) {
                continue;
            }
            Map<String, Object> values = new HashMap<>(member().facts());
            values.put(d.key(), different(d, values.get(d.key())));
            MemberInput m = member();
            MemberInput changed = new MemberInput(m.name(), m.idNumber(), m.sex(), m.birthDate(), m.relation(), values);
            assertThat(AssessmentService.inputsHash(household(List.of(changed), HouseholdDetails.NONE,
                    Set.of("因病", "因学"), new BigDecimal("30000.00")))).as("member's %s", d.key()).isNotEqualTo(before);
        }
    }

    @Test
    void everyDetailAndSignalChangesTheHash() throws Exception {
        HouseholdDetails withSignal = HouseholdDetails.NONE.withSignals(List.of(SIGNAL));
        String before = AssessmentService.inputsHash(household(List.of(member()), withSignal, Set.of("因病", "因学"),
                new BigDecimal("30000.00")));
        List<FactDefinition> details = FactCatalogue.STANDARD.all().stream().filter(FactDefinition::isDetail).toList();
        assertThat(details).isNotEmpty();
        for (FactDefinition d : details) {
            HouseholdDetails changed = withSignal.with(d.key(), different(d, null));
            assertThat(AssessmentService.inputsHash(household(List.of(member()), changed, Set.of("因病", "因学"),
                    new BigDecimal("30000.00")))).as("detail %s", d.key()).isNotEqualTo(before);
        }
        for (RecordComponent c : SignalInput.class.getRecordComponents()) {
            HouseholdDetails changed = HouseholdDetails.NONE.withSignals(List.of(withChanged(SIGNAL, c)));
            assertThat(AssessmentService.inputsHash(household(List.of(member()), changed, Set.of("因病", "因学"),
                    new BigDecimal("30000.00")))).as("signal %s", c.getName()).isNotEqualTo(before);
        }
    }

    @Test
    void householdLevelValuesChangeTheHash() {
        String before = AssessmentService.inputsHash(base());
        assertThat(AssessmentService.inputsHash(household(List.of(member()), HouseholdDetails.NONE,
                Set.of("因病"), new BigDecimal("30000.00")))).isNotEqualTo(before);
        assertThat(AssessmentService.inputsHash(household(List.of(member()), HouseholdDetails.NONE,
                Set.of("因病", "因学"), new BigDecimal("30000.01")))).isNotEqualTo(before);
        assertThat(AssessmentService.inputsHash(household(List.of(member(), member()), HouseholdDetails.NONE,
                Set.of("因病", "因学"), new BigDecimal("30000.00")))).isNotEqualTo(before);
    }

    /** A copy of the record with one component set to a value different from the current one. */
    private static <R extends Record> R withChanged(R record, RecordComponent changed) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getAccessor().invoke(record);
            if (components[i].getName().equals(changed.getName())) {
                values[i] = different(components[i], values[i]);
            }
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
        @SuppressWarnings("unchecked")
        R copy = (R) canonical.newInstance(values);
        return copy;
    }

    /** A value of the fact's type different from the current one. */
    private static Object different(FactDefinition d, Object current) {
        return switch (d.type()) {
            case BOOLEAN -> current == null ? Boolean.TRUE : !(Boolean) current;
            case INTEGER -> current == null ? 1 : (Integer) current + 1;
            case DECIMAL -> current == null ? BigDecimal.ONE : ((BigDecimal) current).add(BigDecimal.ONE);
            case DATE -> current == null ? LocalDate.of(2020, 1, 1) : ((LocalDate) current).plusDays(1);
            case CHOICES -> List.of(d.allowed().get(0));
            case CHOICE -> d.allowed().stream().filter(a -> !a.equals(current)).findFirst().orElseThrow();
            case TEXT -> current == null ? "变" : current + "变";
        };
    }

    private static Object different(RecordComponent c, Object current) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return current == null ? "变" : current + "变";
        }
        if (type == Integer.class || type == int.class) {
            return current == null ? 1 : (Integer) current + 1;
        }
        if (type == Boolean.class || type == boolean.class) {
            return current == null ? Boolean.TRUE : !(Boolean) current;
        }
        if (type == BigDecimal.class) {
            return current == null ? BigDecimal.ONE : ((BigDecimal) current).add(BigDecimal.ONE);
        }
        if (type == LocalDate.class) {
            return current == null ? LocalDate.of(2020, 1, 1) : ((LocalDate) current).plusDays(1);
        }
        if (type == List.class) {
            Class<?> item = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            List<Object> more = new ArrayList<>((List<?>) current);
            more.add(item == SignalInput.class ? SIGNAL : "因灾");
            return more;
        }
        throw new AssertionError("no different value for " + c.getName() + " of type " + type);
    }
}
