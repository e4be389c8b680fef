package cn.shoudi.rules.params;

import java.time.LocalDate;

/**
 * Thrown when a table needs a parameter that has no value on the evaluation's as-of date. The policy never silently
 * reuses another year's value.
 */
public class MissingParameterException extends RuntimeException {

    private final String code;
    private final LocalDate asOf;

    public MissingParameterException(String code, LocalDate asOf) {
        super("参数 " + code + " 在 " + asOf.getYear() + " 年（" + asOf + "）没有取值，请在参数表中补充该年度的数值"
                + " / parameter " + code + " has no value for " + asOf.getYear() + " (as of " + asOf + ")");
        this.code = code;
        this.asOf = asOf;
    }

    public String code() {
        return code;
    }

    public LocalDate asOf() {
        return asOf;
    }
}
