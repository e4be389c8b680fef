package cn.shoudi.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A department early-warning signal (部门筛查预警) recorded for the household.
 *
 * @param department     source department: 医保, 残联, 应急, 教育, 住建, 水利, 人社, 民政, 公安, 卫健
 * @param kind           what happened, e.g. 住院自付, 门诊自付, 辍学, 高中自付, 房屋鉴定C级, 房屋鉴定D级, 停水, 受灾, 失业,
 *                       新增残疾, 重度残疾, 低保申请, 特困申请, 临时救助申请, 死亡, 分户, 合户, 新购车辆, 大病专项救治
 * @param amount         amount in 元 (self-paid cost, loss) or days (停水), may be null
 * @param date           date of the event, never null
 * @param memberIdNumber the member it concerns, may be null for household-level signals
 * @param eventId        the source's own event id
 */
public record SignalInput(String department, String kind, BigDecimal amount, LocalDate date, String memberIdNumber,
                          String eventId) {

    /** "部门:类型", the form table cells use. */
    public String key() {
        return department + ":" + kind;
    }
}
