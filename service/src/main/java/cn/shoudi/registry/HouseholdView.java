package cn.shoudi.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** A household as the API returns it. */
record HouseholdView(long id, long version, String householdNo, long villageId, long groupId, String householdClass,
                     BigDecimal netIncome, BigDecimal perCapitaNetIncome, BigDecimal rigidExpenditure,
                     BigDecimal previousYearNetIncome, Set<String> riskTypes, boolean selfCoping,
                     boolean guaranteeIssue, List<MemberData> members, Long helperCadreId,
                     List<HelperPeriod> helperHistory, HouseholdData.Details housing,
                     Map<String, Object> facts, String status, MonitoringView monitoring,
                     List<MemberEventView> memberEvents, Instant updatedAt) {

    /**
     * The household's place in monitoring as decided by procedures (not the rules' latest proposal).
     *
     * @param status        MONITORED, CLEARED, or null when never monitored
     * @param statusLabel   监测对象 / 风险已消除 / 非监测对象
     * @param category      监测类型 of the current or last period
     * @param since         纳入监测日期
     * @param riskClearedOn 风险消除日期
     */
    record MonitoringView(String status, String statusLabel, String category, LocalDate since, LocalDate riskClearedOn) {
    }

    /** One membership change. */
    record MemberEventView(String type, String memberName, LocalDate date, Long relatedHouseholdId, String note) {
    }

    /** One period of a helper assignment. */
    record HelperPeriod(long cadreId, LocalDate from, LocalDate to) {
    }

    private static MonitoringView monitoring(HouseholdStatus s) {
        return new MonitoringView(s.monitoring() == null ? null : s.monitoring().name(),
                s.monitoring() == null ? "非监测对象" : s.monitoring().label(), s.category(), s.since(), s.riskClearedOn());
    }

    static HouseholdView of(Household h) {
        List<MemberData> members = h.members().stream()
                .map(Member::toData).toList();
        BigDecimal perCapita = h.netIncome().divide(BigDecimal.valueOf(Math.max(1, members.size())), 2,
                RoundingMode.HALF_UP);
        return new HouseholdView(h.id(), h.version(), h.householdNo(), h.villageId(), h.groupId(),
                h.householdClass().label(), h.netIncome(), perCapita, h.rigidExpenditure(),
                h.previousYearNetIncome(), h.riskTypeSet(), h.selfCoping(), h.guaranteeIssue(), members,
                h.currentHelper().orElse(null),
                h.helpers().stream().map(a -> new HelperPeriod(a.cadreId(), a.startDate(), a.endDate())).toList(),
                h.details(), h.factValues(), h.active() ? "ACTIVE" : "MERGED", monitoring(h.status()), h.memberEvents().stream()
                .map(e -> new MemberEventView(e.type(), e.memberName(), e.eventDate(), e.relatedHouseholdId(), e.note()))
                .toList(), h.updatedAt());
    }
}
