package cn.shoudi.rules.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The data of one household (户) that the policy is evaluated on. Money is in 元 over the 12 months before the
 * as-of date.
 *
 * @param householdId           stable identifier of the household, never null
 * @param householdClass        registry class (户类型), never null
 * @param members               members living and sharing income in the household, never empty
 * @param netIncome             household net income (家庭纯收入) over 12 months, never null
 * @param rigidExpenditure      rigid expenditure (刚性支出: medical, schooling, disaster) over 12 months, never null
 * @param previousYearNetIncome net income of the 12 months before that, or null when unknown
 * @param riskTypes             recorded risk types (返贫致贫风险类型), e.g. 因病, 因灾; never null
 * @param selfCoping            whether the household can cope with the risk on its own (自身应对能力)
 * @param guaranteeIssue        whether 两不愁三保障 or safe drinking water is currently unmet
 * @param details               everything else the tables read; {@link HouseholdDetails#NONE} when not recorded
 */
public record HouseholdInput(
        String householdId,
        HouseholdClass householdClass,
        List<MemberInput> members,
        BigDecimal netIncome,
        BigDecimal rigidExpenditure,
        BigDecimal previousYearNetIncome,
        Set<String> riskTypes,
        boolean selfCoping,
        boolean guaranteeIssue,
        HouseholdDetails details) {

    /** The same household with these details. */
    public HouseholdInput withDetails(HouseholdDetails newDetails) {
        return new HouseholdInput(householdId, householdClass, members, netIncome, rigidExpenditure,
                previousYearNetIncome, riskTypes, selfCoping, guaranteeIssue, newDetails);
    }

    /** A household with only the registry basics. */
    public HouseholdInput(String householdId, HouseholdClass householdClass, List<MemberInput> members,
                          BigDecimal netIncome, BigDecimal rigidExpenditure, BigDecimal previousYearNetIncome,
                          Set<String> riskTypes, boolean selfCoping, boolean guaranteeIssue) {
        this(householdId, householdClass, members, netIncome, rigidExpenditure, previousYearNetIncome, riskTypes,
                selfCoping, guaranteeIssue, HouseholdDetails.NONE);
    }

    public HouseholdInput {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(householdClass, "householdClass");
        Objects.requireNonNull(netIncome, "netIncome");
        Objects.requireNonNull(rigidExpenditure, "rigidExpenditure");
        members = List.copyOf(members);
        riskTypes = Set.copyOf(riskTypes);
        details = details == null ? HouseholdDetails.NONE : details;
        if (members.isEmpty()) {
            throw new IllegalArgumentException("household " + householdId + " has no members");
        }
    }
}
