package cn.shoudi.rules.cases;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactDefinition.Level;
import cn.shoudi.rules.facts.FactType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional columns of the examples sheets (示例, 示例成员): one per recorded fact of the {@link FactCatalogue},
 * headed by its Chinese label, and one per derived fact the registry supplies ({@link FactCatalogue#suppliedByRegistry}:
 * 已落实帮扶责任人, 与其他户重复身份证号人数), whose value an example states directly. A blank cell leaves the fact unknown.
 */
final class ExampleColumns {

    /** Household detail columns: Chinese label → definition (the basics have columns of their own). */
    static final Map<String, FactDefinition> HOUSEHOLD;
    /** Member fact columns beyond the basics (姓名, 身份证号, 性别, 出生日期, 与户主关系): label → definition. */
    static final Map<String, FactDefinition> MEMBER;

    static {
        Map<String, FactDefinition> household = new LinkedHashMap<>();
        Map<String, FactDefinition> member = new LinkedHashMap<>();
        for (FactDefinition d : FactCatalogue.STANDARD.all()) {
            if (d.level() == Level.HOUSEHOLD && d.isDetail()
                    || FactCatalogue.STANDARD.suppliedByRegistry(d.key())) {
                household.put(d.label(), d);
            } else if (d.level() == Level.MEMBER && d.recorded() && !d.isMemberIdentity()) {
                member.put(d.label(), d);
            }
        }
        HOUSEHOLD = Collections.unmodifiableMap(household);
        MEMBER = Collections.unmodifiableMap(member);
    }

    private ExampleColumns() {
    }

    /**
     * The typed value of a cell.
     *
     * A choice may be outside the fact's allowed values: the data-quality table's examples hold such values (e.g. a
     * cause written 因病致贫), as data recorded before the list existed does.
     *
     * @throws IllegalArgumentException with a Chinese message when the text does not fit the fact's type or range
     */
    static Object value(FactDefinition d, String text) {
        if (d.type() == FactType.CHOICE || d.type() == FactType.CHOICES) {
            return d.read(text);
        }
        return d.parse(text);
    }
}
