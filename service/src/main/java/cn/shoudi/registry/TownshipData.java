package cn.shoudi.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole township (乡镇) to load at once: its villages with their villager groups and cadres, the township's own
 * cadres, drinking-water points and households with the per-household ledger records. Used by the demo and the
 * benchmarks; references between parts are by village code, group name and keys, since nothing has an id yet.
 *
 * @param code        township code (统计用区划代码, 9 digits)
 * @param name        township name
 * @param county      county name (区县)
 * @param villages    villages, never empty
 * @param cadres      township-level cadres (乡镇干部, 乡镇扶贫信息员)
 * @param waterPoints drinking-water points (供水点)
 * @param households  households
 */
public record TownshipData(String code, String name, String county, List<VillageSpec> villages,
                           List<CadreSpec> cadres, List<WaterPointSpec> waterPoints, List<HouseholdSpec> households) {

    /** A village with its groups and its own cadres (村两委, 扶贫信息员, 帮扶责任人). */
    public record VillageSpec(String code, String name, boolean poor, List<GroupSpec> groups, List<CadreSpec> cadres) {
    }

    /** A villager group and its stationed cadre (驻组干部). */
    public record GroupSpec(String name, CadreSpec cadre) {
    }

    /** A cadre; {@code key} lets households name their helper. */
    public record CadreSpec(String key, String name, String phone, CadreRole role) {
    }

    /** A drinking-water point (供水点) with its keeper (管水员). */
    public record WaterPointSpec(String key, String villageCode, String name, String kind, Integer builtYear,
                                 BigDecimal investment, String keeperName, String keeperPhone) {
    }

    /**
     * A household; {@code data}'s village, group, helper and water point are taken from the codes and keys here.
     *
     * @param helperSince the date the helper (帮扶责任人) was assigned, when there is one
     * @param decisions   the decisions its status already carries, oldest first (may be empty)
     */
    public record HouseholdSpec(String villageCode, String groupName, String helperKey, LocalDate helperSince,
                                String waterPointKey, HouseholdData data, List<HousingWork> works,
                                List<Industry> industries, List<DropoutCase> dropouts, List<StatusRecord> decisions) {
    }

    /**
     * A decision taken before the load, kept in the household's status history as if recorded then: 初始登记
     * ({@link DecisionKind#REGISTERED}: the class and years of the household's data, confirmed) or a procedure's
     * decision such as 纳入监测 ({@link DecisionKind#ENTERED_MONITORING} with its 监测类型).
     *
     * @param effectiveOn the decision's date
     * @param category    the 监测类型 of a 纳入监测, else null
     * @param reference   the decision's document or list (文号, 名单), e.g. 2019年扶贫对象动态调整
     */
    public record StatusRecord(DecisionKind kind, LocalDate effectiveOn, String category, String reference) {
    }

    /**
     * A housing work: 危房改造 (unsafe-housing fix) or 人居环境 (living-environment upgrade), with its method.
     */
    public record HousingWork(int year, String kind, String method) {
    }

    /** An industry the household runs (产业), with its scale where it has one. */
    public record Industry(String industry, BigDecimal quantity, String unit) {
    }

    /** A compulsory-education dropout case (控辍保学) and how it ended. */
    public record DropoutCase(String memberName, String idNumber, LocalDate foundOn, String reason, String outcome,
                              LocalDate resolvedOn) {
    }
}
