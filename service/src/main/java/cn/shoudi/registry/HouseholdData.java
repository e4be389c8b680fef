package cn.shoudi.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A household as submitted by a client (create or full update). Money in 元 over the last 12 months.
 *
 * @param householdNo           household number (户编号), unique
 * @param villageId             village (行政村)
 * @param groupId               villager group (村民小组), must belong to the village
 * @param householdClass        户类型: 一般农户, 脱贫户 or 未脱贫户
 * @param netIncome             household net income (家庭纯收入)
 * @param rigidExpenditure      rigid expenditure (刚性支出)
 * @param previousYearNetIncome net income of the previous 12 months, optional
 * @param riskTypes             risk types (风险类型), e.g. 因病
 * @param selfCoping            whether the household can cope with its risks on its own
 * @param guaranteeIssue        whether 两不愁三保障 or drinking water is currently unmet
 * @param members               members, the head (户主) first
 * @param helperCadreId         helper cadre (帮扶责任人), optional
 * @param version               for updates: the version the client read (optimistic locking); ignored on create
 */
public record HouseholdData(String householdNo, Long villageId, Long groupId, String householdClass,
                            BigDecimal netIncome, BigDecimal rigidExpenditure, BigDecimal previousYearNetIncome,
                            Set<String> riskTypes, Boolean selfCoping, Boolean guaranteeIssue,
                            List<MemberData> members, Long helperCadreId, Long version) {
}
