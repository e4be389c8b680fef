package cn.shoudi.rules.cases;

import cn.shoudi.rules.facts.HouseholdDetails;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional household columns of an examples sheet (示例), each bound to one field of
 * {@link HouseholdDetails.Builder}. A blank cell leaves the field unknown (null).
 */
final class ExampleColumns {

    /** Chinese header → builder field name. */
    static final Map<String, String> HOUSEHOLD = new LinkedHashMap<>();

    static {
        String[][] pairs = {
                {"建档立卡年份", "registeredYear"}, {"脱贫年份", "exitYear"}, {"返贫年份", "returnedYear"},
                {"有稳定收入来源", "stableIncomeSource"}, {"收入稳定月数", "incomeStableMonths"},
                {"工资性收入", "wageIncome"}, {"经营性收入", "businessIncome"}, {"转移性收入", "transferIncome"},
                {"财产性收入", "propertyIncome"}, {"生产经营费用", "productionCost"},
                {"合规自付医疗费用", "selfPaidMedical"}, {"家庭资产", "familyAssets"},
                {"主要致贫原因", "mainCause"}, {"其他致贫原因", "otherCauses"},
                {"不愁吃", "foodSecure"}, {"不愁穿", "clothingSecure"}, {"生活用电", "electricity"},
                {"房屋安全等级", "houseGrade"}, {"危房已改造", "houseRenovated"}, {"易地搬迁", "relocated"},
                {"自身有能力修建住房", "selfRepairCapacity"}, {"购建房年份", "houseAcquiredYear"},
                {"购建房属豁免情形", "houseAcquisitionExempt"}, {"高标准装修", "highStandardRenovation"},
                {"城镇商品房或门面", "townPropertyOrShop"}, {"享受型车辆价值", "vehicleValue"},
                {"船舶或大型机械", "shipOrLargeMachinery"}, {"经营企业", "runsEnterprise"},
                {"全家外出月数", "awayMonths"}, {"收入明显高于当地平均", "incomeAboveLocalAverage"},
                {"空挂户或为识别拆分合并", "splitOrMergedToQualify"}, {"有不能说明的举报", "unexplainedComplaint"},
                {"有重大致贫原因", "majorPovertyCause"}, {"人均日供水量", "waterLitresPerPersonDay"},
                {"缺水地区", "dryArea"}, {"自来水入户", "waterPiped"}, {"单次取水耗时", "fetchMinutes"},
                {"取水水平距离", "fetchHorizontalMetres"}, {"取水垂直距离", "fetchVerticalMetres"},
                {"年累计停水天数", "waterOutageDays"}, {"水质合格", "waterQualityOk"},
                {"家庭医生签约", "familyDoctorSigned"}, {"监测类型", "monitoringCategory"},
                {"纳入监测日期", "monitoringSince"}, {"已落实帮扶措施数", "measuresImplemented"},
                {"大额刚性支出已解决", "rigidSpendResolved"}, {"有新风险", "newRiskDetected"},
                {"政策效果明显", "policyEffectVisible"}, {"已落实帮扶责任人", "helperAssigned"},
                {"申请日期", "appliedOn"}, {"评议日期", "reviewedOn"}, {"公示日期", "noticeOn"},
                {"公告日期", "announcedOn"}, {"享受低保", "lowIncomeAllowance"}};
        for (String[] p : pairs) {
            HOUSEHOLD.put(p[0], p[1]);
        }
    }

    private ExampleColumns() {
    }

    /**
     * Sets one builder field from cell text.
     *
     * @throws IllegalArgumentException with a Chinese message when the text does not fit the field's type
     */
    static void set(HouseholdDetails.Builder builder, String header, String text) {
        String fieldName = HOUSEHOLD.get(header);
        try {
            Field field = HouseholdDetails.Builder.class.getField(fieldName);
            field.set(builder, convert(field.getType(), header, text));
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("no builder field " + fieldName, e);
        }
    }

    static Object convert(Class<?> type, String header, String text) {
        try {
            if (type == Integer.class) {
                return Integer.valueOf(text.trim());
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(text.trim());
            }
            if (type == Boolean.class) {
                return switch (text.trim()) {
                    case "是", "true", "TRUE" -> Boolean.TRUE;
                    case "否", "false", "FALSE" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("「" + header + "」应填“是”或“否”，现为「" + text + "」");
                };
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text.trim().replace('/', '-'));
            }
            if (type == List.class) {
                return Arrays.stream(text.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
            }
            return text.trim();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("「" + header + "」应为数字，现为「" + text + "」");
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("「" + header + "」应为日期（如 2021-01-01），现为「" + text + "」");
        }
    }
}
