package cn.shoudi.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything about a household beyond the registry basics that the policy's tables read. Every field may be null,
 * meaning not recorded; tables treat null as unknown.
 *
 * @param registeredYear           year registered as poor (建档立卡), or null
 * @param exitYear                 year of exit (脱贫), or null
 * @param returnedYear             year returned to poverty (返贫), or null
 * @param stableIncomeSource       has a stable income source (稳定收入来源)
 * @param incomeStableMonths       months the income has been stable
 * @param wageIncome               工资性收入 (元, 12 months)
 * @param businessIncome           经营性收入
 * @param transferIncome           转移性收入
 * @param propertyIncome           财产性收入
 * @param productionCost           生产经营费用
 * @param selfPaidMedical          self-paid medical cost after all reimbursement, 12 months (合规自付)
 * @param familyAssets             value of the family's movable and immovable assets (元)
 * @param mainCause                主要致贫原因 (one of the registry codes)
 * @param otherCauses              其他致贫原因 (at most 2)
 * @param foodSecure               不愁吃
 * @param clothingSecure           不愁穿
 * @param electricity              生活用电 available
 * @param houseGrade               房屋安全等级 A, B, C, D, or 无房
 * @param houseRenovated           C/D house renovated (危房改造完成)
 * @param relocated                moved by 易地扶贫搬迁
 * @param selfRepairCapacity       can repair or build the house on its own
 * @param houseAcquiredYear        year a house was bought or built (购建房), or null
 * @param houseAcquisitionExempt   that purchase is exempt: 因灾重建, 高山生态扶贫搬迁, 统征拆迁
 * @param highStandardRenovation   高标准装修
 * @param townPropertyOrShop       owns commercial housing or a shop in a town (城镇商品房/门面)
 * @param vehicleValue             value of a 享受型 vehicle owned or used (元), 0 for none
 * @param shipOrLargeMachinery     owns a ship, industrial or large farm machinery
 * @param runsEnterprise           runs or invests in an enterprise with employees
 * @param awayMonths               months the whole family has been away
 * @param incomeAboveLocalAverage  income clearly above the local average
 * @param splitOrMergedToQualify   空挂户, or split/merged to qualify
 * @param unexplainedComplaint     a complaint the household cannot explain
 * @param majorPovertyCause        a major cause of poverty (exempts a village cadre's family)
 * @param waterLitresPerPersonDay  water supply in litres per person per day
 * @param dryArea                  lies in a water-scarce area (缺水区)
 * @param waterPiped               tap water in the yard or house
 * @param fetchMinutes             minutes for one trip to fetch water
 * @param fetchHorizontalMetres    horizontal distance to the water point
 * @param fetchVerticalMetres      vertical distance to the water point
 * @param waterOutageDays          cumulative outage days in the last 12 months
 * @param waterQualityOk           quality tested and passed
 * @param familyDoctorSigned       family-doctor contract signed (家庭医生签约)
 * @param monitoringCategory       current monitoring category (脱贫不稳定户, 边缘易致贫户, 突发严重困难户), or null
 * @param monitoringSince          date it was identified as a monitoring object
 * @param measuresImplemented      帮扶措施 implemented since
 * @param rigidSpendResolved       large rigid spending stably resolved
 * @param newRiskDetected          a new risk detected since identification
 * @param policyEffectVisible      policies received show their effect
 * @param helperAssigned           a helper cadre (帮扶责任人) is assigned
 * @param appliedOn                procedure: application date
 * @param reviewedOn               procedure: democratic review (评议) date
 * @param noticeOn                 procedure: public notice (公示) start
 * @param announcedOn              procedure: announcement (公告) date
 * @param lowIncomeAllowance       receives 低保 according to the registry
 * @param signals                  department early-warning signals, never null
 */
public record HouseholdDetails(
        Integer registeredYear, Integer exitYear, Integer returnedYear,
        Boolean stableIncomeSource, Integer incomeStableMonths,
        BigDecimal wageIncome, BigDecimal businessIncome, BigDecimal transferIncome, BigDecimal propertyIncome,
        BigDecimal productionCost, BigDecimal selfPaidMedical, BigDecimal familyAssets,
        String mainCause, List<String> otherCauses,
        Boolean foodSecure, Boolean clothingSecure, Boolean electricity,
        String houseGrade, Boolean houseRenovated, Boolean relocated, Boolean selfRepairCapacity,
        Integer houseAcquiredYear, Boolean houseAcquisitionExempt, Boolean highStandardRenovation,
        Boolean townPropertyOrShop, BigDecimal vehicleValue, Boolean shipOrLargeMachinery, Boolean runsEnterprise,
        Integer awayMonths, Boolean incomeAboveLocalAverage, Boolean splitOrMergedToQualify,
        Boolean unexplainedComplaint, Boolean majorPovertyCause,
        Integer waterLitresPerPersonDay, Boolean dryArea, Boolean waterPiped, Integer fetchMinutes,
        Integer fetchHorizontalMetres, Integer fetchVerticalMetres, Integer waterOutageDays, Boolean waterQualityOk,
        Boolean familyDoctorSigned,
        String monitoringCategory, LocalDate monitoringSince, Integer measuresImplemented,
        Boolean rigidSpendResolved, Boolean newRiskDetected, Boolean policyEffectVisible,
        Boolean helperAssigned,
        LocalDate appliedOn, LocalDate reviewedOn, LocalDate noticeOn, LocalDate announcedOn,
        Boolean lowIncomeAllowance,
        List<SignalInput> signals) {

    /** Nothing recorded beyond the registry basics. */
    public static final HouseholdDetails NONE = new Builder().build();

    public HouseholdDetails {
        otherCauses = otherCauses == null ? List.of() : List.copyOf(otherCauses);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** The same details with these department signals. */
    public HouseholdDetails withSignals(List<SignalInput> newSignals) {
        return new HouseholdDetails(registeredYear, exitYear, returnedYear, stableIncomeSource, incomeStableMonths,
                wageIncome, businessIncome, transferIncome, propertyIncome, productionCost, selfPaidMedical,
                familyAssets, mainCause, otherCauses, foodSecure, clothingSecure, electricity, houseGrade,
                houseRenovated, relocated, selfRepairCapacity, houseAcquiredYear, houseAcquisitionExempt,
                highStandardRenovation, townPropertyOrShop, vehicleValue, shipOrLargeMachinery, runsEnterprise,
                awayMonths, incomeAboveLocalAverage, splitOrMergedToQualify, unexplainedComplaint, majorPovertyCause,
                waterLitresPerPersonDay, dryArea, waterPiped, fetchMinutes, fetchHorizontalMetres, fetchVerticalMetres,
                waterOutageDays, waterQualityOk, familyDoctorSigned, monitoringCategory, monitoringSince,
                measuresImplemented, rigidSpendResolved, newRiskDetected, policyEffectVisible, helperAssigned,
                appliedOn, reviewedOn, noticeOn, announcedOn, lowIncomeAllowance, newSignals);
    }

    /** A builder for the many optional fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; unset fields stay null (unknown). */
    public static final class Builder {
        public Integer registeredYear, exitYear, returnedYear, incomeStableMonths, houseAcquiredYear, awayMonths,
                waterLitresPerPersonDay, fetchMinutes, fetchHorizontalMetres, fetchVerticalMetres, waterOutageDays,
                measuresImplemented;
        public Boolean stableIncomeSource, foodSecure, clothingSecure, electricity, houseRenovated, relocated,
                selfRepairCapacity, houseAcquisitionExempt, highStandardRenovation, townPropertyOrShop,
                shipOrLargeMachinery, runsEnterprise, incomeAboveLocalAverage, splitOrMergedToQualify,
                unexplainedComplaint, majorPovertyCause, dryArea, waterPiped, waterQualityOk, familyDoctorSigned,
                rigidSpendResolved, newRiskDetected, policyEffectVisible, helperAssigned, lowIncomeAllowance;
        public BigDecimal wageIncome, businessIncome, transferIncome, propertyIncome, productionCost,
                selfPaidMedical, familyAssets, vehicleValue;
        public String mainCause, houseGrade, monitoringCategory;
        public List<String> otherCauses;
        public LocalDate monitoringSince, appliedOn, reviewedOn, noticeOn, announcedOn;
        public List<SignalInput> signals;

        public HouseholdDetails build() {
            return new HouseholdDetails(registeredYear, exitYear, returnedYear, stableIncomeSource,
                    incomeStableMonths, wageIncome, businessIncome, transferIncome, propertyIncome, productionCost,
                    selfPaidMedical, familyAssets, mainCause, otherCauses, foodSecure, clothingSecure, electricity,
                    houseGrade, houseRenovated, relocated, selfRepairCapacity, houseAcquiredYear,
                    houseAcquisitionExempt, highStandardRenovation, townPropertyOrShop, vehicleValue,
                    shipOrLargeMachinery, runsEnterprise, awayMonths, incomeAboveLocalAverage,
                    splitOrMergedToQualify, unexplainedComplaint, majorPovertyCause, waterLitresPerPersonDay,
                    dryArea, waterPiped, fetchMinutes, fetchHorizontalMetres, fetchVerticalMetres, waterOutageDays,
                    waterQualityOk, familyDoctorSigned, monitoringCategory, monitoringSince, measuresImplemented,
                    rigidSpendResolved, newRiskDetected, policyEffectVisible, helperAssigned, appliedOn, reviewedOn,
                    noticeOn, announcedOn, lowIncomeAllowance, signals);
        }
    }
}
