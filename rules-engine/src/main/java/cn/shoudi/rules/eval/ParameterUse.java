package cn.shoudi.rules.eval;

import cn.shoudi.rules.params.Parameter;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A parameter value that a rule row used, with where it comes from.
 *
 * @param code      parameter code
 * @param name      Chinese name
 * @param value     value applied
 * @param unit      unit
 * @param validFrom first day of the row applied
 * @param validTo   last day of the row applied, or null
 * @param source    source reference, 待核实 when unconfirmed
 * @param confirmed false when the value is still to be confirmed (待核实); pages must show it as unconfirmed
 */
public record ParameterUse(String code, String name, BigDecimal value, String unit, LocalDate validFrom,
                           LocalDate validTo, String source, boolean confirmed) {

    static ParameterUse of(Parameter p) {
        return new ParameterUse(p.code(), p.name(), p.value(), p.unit(), p.validFrom(), p.validTo(), p.source(),
                p.confirmed());
    }
}
