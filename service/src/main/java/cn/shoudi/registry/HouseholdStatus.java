package cn.shoudi.registry;

import cn.shoudi.rules.facts.HouseholdClass;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A household's status (户状态): its class (一般农户 / 未脱贫户 / 脱贫户) with the years of registration and exit, and its
 * place in 防止返贫动态监测. Changed only by a {@link Decision} of a completed procedure or an administrator's
 * correction; each transition below refuses a decision that does not apply, naming the current status.
 *
 * @param monitoring   null when the household was never monitored
 * @param category     the 监测类型 of the current or last monitoring period, or null
 * @param since        the date it entered monitoring (current or last period), or null
 * @param riskClearedOn the date of the last 风险消除, or null
 */
public record HouseholdStatus(HouseholdClass householdClass, Integer registeredYear, Integer exitYear,
                              MonitoringStatus monitoring, String category, LocalDate since, LocalDate riskClearedOn) {

    /** The 监测类型 a 纳入监测 decision may give. */
    public static final List<String> CATEGORIES = List.of("脱贫不稳定户", "边缘易致贫户", "突发严重困难户");

    public HouseholdStatus {
        Objects.requireNonNull(householdClass, "householdClass");
    }

    /** Whether the household is a 监测对象 now. */
    public boolean monitored() {
        return monitoring == MonitoringStatus.MONITORED;
    }

    /** One line in Chinese, e.g. "脱贫户（2016年建档，2018年脱贫）；监测对象：脱贫不稳定户，2021-03-01纳入". */
    public String describe() {
        StringBuilder s = new StringBuilder(householdClass.label());
        if (registeredYear != null || exitYear != null) {
            s.append("（");
            if (registeredYear != null) {
                s.append(registeredYear).append("年建档");
            }
            if (exitYear != null) {
                s.append(registeredYear == null ? "" : "，").append(exitYear).append("年脱贫");
            }
            s.append("）");
        }
        if (monitoring == MonitoringStatus.MONITORED) {
            s.append("；监测对象：").append(category).append(since == null ? "" : "，" + since + "纳入");
        } else if (monitoring == MonitoringStatus.CLEARED) {
            s.append("；风险已消除（").append(category).append(riskClearedOn == null ? "" : "，" + riskClearedOn + "消除")
                    .append("）");
        }
        return s.toString();
    }

    /**
     * The status after a procedure's decision.
     *
     * @throws IllegalStatusChangeException when the decision does not apply to this status
     */
    public HouseholdStatus after(Decision d) {
        LocalDate on = d.effectiveOn();
        return switch (d.kind()) {
            case IDENTIFIED -> {
                require(householdClass == HouseholdClass.GENERAL, d, "只有一般农户可以识别纳入建档立卡");
                yield new HouseholdStatus(HouseholdClass.NOT_EXITED, on.getYear(), null, monitoring, category, since,
                        riskClearedOn);
            }
            case EXITED -> {
                require(householdClass == HouseholdClass.NOT_EXITED, d, "只有未脱贫户可以脱贫退出");
                yield new HouseholdStatus(HouseholdClass.EXITED, registeredYear, on.getYear(), monitoring, category,
                        since, riskClearedOn);
            }
            case ENTERED_MONITORING -> {
                require(!monitored(), d, "已是监测对象");
                // 监测对象 are 脱贫户 and 一般农户 (domain.md §6.2); a 未脱贫户 is still helped as a registered poor household
                require(householdClass != HouseholdClass.NOT_EXITED, d, "未脱贫户不纳入防止返贫监测，监测对象须为脱贫户或一般农户");
                require(d.category() != null && CATEGORIES.contains(d.category()), d,
                        "监测类型须为" + String.join("、", CATEGORIES));
                require(!"脱贫不稳定户".equals(d.category()) || householdClass == HouseholdClass.EXITED, d,
                        "脱贫不稳定户须为脱贫户");
                require(!"边缘易致贫户".equals(d.category()) || householdClass == HouseholdClass.GENERAL, d,
                        "边缘易致贫户须为一般农户");
                yield new HouseholdStatus(householdClass, registeredYear, exitYear, MonitoringStatus.MONITORED,
                        d.category(), on, riskClearedOn);
            }
            case RISK_CLEARED -> {
                require(monitored(), d, "不是监测对象");
                require(since == null || !on.isBefore(since), d, "风险消除日期不能早于纳入监测日期 " + since);
                yield new HouseholdStatus(householdClass, registeredYear, exitYear, MonitoringStatus.CLEARED, category,
                        since, on);
            }
            case REGISTERED, CORRECTED -> throw new IllegalArgumentException(d.kind() + " is not a procedure's decision");
        };
    }

    private void require(boolean ok, Decision d, String why) {
        if (!ok) {
            throw new IllegalStatusChangeException("当前状态为「" + describe() + "」，不能作出「" + d.kind().label()
                    + "」决定：" + why);
        }
    }
}
