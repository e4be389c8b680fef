package cn.shoudi.policy;

import java.util.Map;

/**
 * Parameters a feature reads from the published policy outside its decision tables (the procedures' time limits, for
 * example). A policy version whose parameters lack one of these codes cannot be published: validation reports it as
 * an error of the workbook's 参数 sheet.
 */
public interface RequiredParameters {

    /**
     * The parameter codes this feature reads, each with what it is used for in Chinese (e.g. {@code step_days_verify}
     * → 「入户核实」的办理时限); never empty.
     */
    Map<String, String> requiredParameters();
}
