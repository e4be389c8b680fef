package cn.shoudi.intake;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactDefinition.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;

/**
 * The columns of the household import and export (户籍导入/导出), one row per member: the household's basics, a column
 * per household fact of the {@link FactCatalogue} that people record, the member's basics, and a column per member
 * fact. Columns are matched by header, in any order; only the basics are required. A fact column absent from a file
 * leaves the stored value unchanged, and so does a blank cell; {@link FactDefinition#CLEAR_MARKER} clears it.
 */
final class ImportColumns {

    /** Household basics, required, repeated on every member row of a household. */
    static final List<String> HOUSEHOLD_BASICS = List.of("户编号", "行政村编码", "村民小组", "户类型", "家庭纯收入", "刚性支出",
            "上年纯收入", "风险类型", "能否自身应对", "三保障或饮水问题");
    /** Member basics, required. */
    static final List<String> MEMBER_BASICS = List.of("姓名", "身份证号", "性别", "出生日期", "与户主关系");
    /** Household facts by header: the recorded details of the catalogue. */
    static final Map<String, FactDefinition> HOUSEHOLD_FACTS = byLabel(FactCatalogue.STANDARD.all().stream()
            .filter(FactDefinition::isDetail).toList());
    /** Member facts by header: recorded member facts beyond the basics. */
    static final Map<String, FactDefinition> MEMBER_FACTS = byLabel(FactCatalogue.STANDARD.recorded(Level.MEMBER)
            .stream().filter(d -> !d.isMemberIdentity()).toList());
    /** Every column in template order. */
    static final List<String> ALL;


    static {
        List<String> all = new ArrayList<>(HOUSEHOLD_BASICS);
        all.addAll(HOUSEHOLD_FACTS.keySet());
        all.addAll(MEMBER_BASICS);
        all.addAll(MEMBER_FACTS.keySet());
        ALL = List.copyOf(all);
    }

    private ImportColumns() {
    }

    private static Map<String, FactDefinition> byLabel(List<FactDefinition> facts) {
        return facts.stream().collect(Collectors.toMap(FactDefinition::label, d -> d, (a, b) -> a,
                LinkedHashMap::new));
    }

    /** Whether a header is a household-level column (its cells must agree on every row of a household). */
    static boolean householdLevel(String header) {
        return HOUSEHOLD_BASICS.contains(header) || HOUSEHOLD_FACTS.containsKey(header);
    }

    /** The fact a column holds, if it is a fact column. */
    static Optional<FactDefinition> fact(String header) {
        FactDefinition d = HOUSEHOLD_FACTS.get(header);
        return Optional.ofNullable(d != null ? d : MEMBER_FACTS.get(header));
    }

    /** The header of a validation problem's field (e.g. facts.vehicleValue, housing.houseGrade, health). */
    static Optional<String> headerOfField(String field) {
        String key = field.replaceFirst("^(facts|housing)\\.", "");
        return FactCatalogue.STANDARD.get(key).filter(d -> d.recorded()).map(FactDefinition::label)
                .filter(ALL::contains);
    }
}
