package cn.shoudi.demo;

import cn.shoudi.reporting.TownshipFact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 联合乡's 2019 township facts that no household record holds (area, land, grain, livestock, clinic, trainings, roads,
 * rectification), as township staff would enter them from the report.
 */
final class SeedFacts {

    static final String SOURCE = "联合乡2019年脱贫攻坚工作总结";

    private SeedFacts() {
    }

    static List<TownshipFact> lianhe2019() {
        Object[][] rows = {
                {"basic", "area", "幅员面积", "59.87", "平方公里"},
                {"basic", "cultivated", "耕地面积", "27680", "亩"},
                {"basic", "paddy", "其中水田", "4565", "亩"},
                {"basic", "forest", "林地面积", "55348", "亩"},
                {"basic", "altitude_min", "最低海拔", "261", "米"},
                {"basic", "altitude_max", "最高海拔", "1357", "米"},
                {"guarantees", "premium_subsidy", "建卡人员医保参保资助", "110", "元/人"},
                {"guarantees", "clinic_staff", "乡卫生院职工", "10", "人"},
                {"guarantees", "clinic_beds", "乡卫生院床位", "20", "张"},
                {"guarantees", "village_clinics", "村卫生室", "4", "个"},
                {"guarantees", "secondary_reimbursement_total", "二次报销（2015年以来）", "1123355.53", "元"},
                {"guarantees", "secondary_reimbursement_year", "二次报销（2019年）", "551173.91", "元"},
                {"income", "grain_area", "粮食种植面积", "18215", "亩"},
                {"income", "grain_output", "粮食产量", "4556", "吨"},
                {"income", "rice_area", "水稻面积", "4310", "亩"},
                {"income", "rice_output", "水稻产量", "1693", "吨"},
                {"income", "maize_area", "玉米面积", "4001", "亩"},
                {"income", "maize_output", "玉米产量", "1362", "吨"},
                {"income", "beans_area", "豆类面积", "890", "亩"},
                {"income", "beans_output", "豆类产量", "87", "吨"},
                {"income", "potato_area", "马铃薯面积", "2610", "亩"},
                {"income", "potato_output", "马铃薯产量", "522", "吨"},
                {"income", "sweet_potato_area", "红薯（粮食）面积", "5980", "亩"},
                {"income", "sweet_potato_output", "红薯（粮食）产量", "856", "吨"},
                {"income", "other_grain_area", "其他粮食面积", "424", "亩"},
                {"income", "other_grain_output", "其他粮食产量", "36", "吨"},
                {"income", "rapeseed_area", "油菜面积", "1610", "亩"},
                {"income", "rapeseed_output", "油菜产量", "126", "吨"},
                {"income", "pigs_stock", "生猪存栏", "3300", "头"},
                {"income", "pigs_sold", "生猪出栏", "3200", "头"},
                {"income", "poultry_stock", "家禽存栏", "16535", "羽"},
                {"income", "poultry_sold", "家禽出栏", "7228", "羽"},
                {"income", "orchard", "果园及经济林", "10172", "亩"},
                {"income", "trainings", "技能培训", "5", "期"},
                {"income", "trainees", "培训人数", "150", "人"},
                {"income", "guaranteed_loans", "创业担保贷款", "3", "笔"},
                {"income", "guaranteed_loan_amount", "创业担保贷款金额", "400000", "元"},
                {"income", "public_welfare_wage", "公益性岗位补贴", "1000", "元/人·月"},
                {"other", "roads_paved", "2015年以来硬化道路项目", "12", "个"},
                {"other", "roads_paved_km", "硬化道路里程", "63", "公里"},
                {"other", "roads_under_way", "在建道路项目", "4", "个"},
                {"other", "roads_under_way_km", "在建道路里程", "15", "公里"},
                {"other", "roads_investment", "道路投资", "35750000", "元"},
                {"other", "access_roads", "通达路", "3", "条"},
                {"other", "access_roads_km", "通达路里程", "10.5", "公里"},
                {"other", "access_roads_investment", "通达路投资", "1320000", "元"},
                {"other", "central_inspection_problems", "中央巡视反馈问题", "30", "个"},
                {"other", "central_inspection_done", "其中已完成整改", "21", "个"},
                {"other", "central_inspection_long_term", "其中长期坚持", "9", "个"},
                {"other", "city_ledger_problems", "市级问题清单", "69", "个"},
                {"other", "city_ledger_closed", "其中已销号", "69", "个"},
                {"other", "national_assessment_problems", "2018年国家考核反馈问题", "13", "个"},
                {"other", "national_assessment_done", "其中已完成整改", "13", "个"},
                {"other", "audit_problems", "2017年审计反馈问题", "5", "个"},
                {"other", "audit_closed", "其中已销号", "5", "个"},
        };
        List<TownshipFact> facts = new ArrayList<>();
        for (Object[] r : rows) {
            facts.add(new TownshipFact((String) r[0], (String) r[1], (String) r[2], new BigDecimal((String) r[3]),
                    (String) r[4], SOURCE));
        }
        return facts;
    }
}
