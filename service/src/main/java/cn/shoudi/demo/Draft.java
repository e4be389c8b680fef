package cn.shoudi.demo;

import cn.shoudi.registry.DecisionKind;
import cn.shoudi.registry.HouseholdData;
import cn.shoudi.registry.MemberData;
import cn.shoudi.registry.TownshipData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A household while the generator builds it. */
final class Draft {

    /** A member while the generator builds it. */
    static final class Person {
        String name, idNumber, sex, relation, health = "健康", schooling, labour, educationAid;
        LocalDate birthDate;
        int age;
        Integer disabilityGrade;
        boolean lowIncomeAllowance, publicWelfareJob, chronicCard;
        /** What the slot was planned as: HEAD, SPOUSE, KID, KID16, PRE_AID, YOUTH_HS, OTHER. */
        String slot;
        /** Member facts of the catalogue kept in the registry's facts map, by key (see {@link FactsDraft}). */
        final Map<String, Object> facts = new TreeMap<>();

        boolean male() {
            return "男".equals(sex);
        }

        MemberData toData() {
            return new MemberData(name, idNumber, sex, birthDate, relation, health, disabilityGrade, schooling, true,
                    labour, lowIncomeAllowance ? Boolean.TRUE : null, publicWelfareJob ? Boolean.TRUE : null,
                    chronicCard ? Boolean.TRUE : null, educationAid, frozen(facts));
        }
    }

    final Kind kind;
    final int size;
    final List<Person> members = new ArrayList<>();
    String villageCode, groupName, householdNo, helperKey, waterPointKey, mainCause, houseGrade, houseUse;
    LocalDate helperSince;
    boolean appraised = true, waterServed, selfCoping = true, lowIncomeAllowance, relocated, houseRenovated;
    Integer registeredYear, exitYear, relocationYear, buildings;
    long netIncome, rigidExpenditure, previousYearNetIncome;
    final Set<String> risks = new TreeSet<>();
    /** Household facts of the catalogue kept in the registry's facts map, by key (see {@link FactsDraft}). */
    final Map<String, Object> facts = new TreeMap<>();
    final List<TownshipData.HousingWork> works = new ArrayList<>();
    final List<TownshipData.Industry> industries = new ArrayList<>();
    final List<TownshipData.DropoutCase> dropouts = new ArrayList<>();

    Draft(Kind kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    long perCapitaIncome() {
        return netIncome / size;
    }

    Person head() {
        return members.get(0);
    }

    TownshipData.HouseholdSpec toSpec() {
        HouseholdData.Details details = new HouseholdData.Details(houseGrade, houseRenovated ? Boolean.TRUE : null,
                relocated ? Boolean.TRUE : null, waterServed ? Boolean.TRUE : null, kind.registered ? Boolean.TRUE
                : null, lowIncomeAllowance ? Boolean.TRUE : null, registeredYear, exitYear, mainCause, houseUse,
                buildings, relocationYear, null);
        HouseholdData data = new HouseholdData(householdNo, null, null, kind.householdClass,
                BigDecimal.valueOf(netIncome), BigDecimal.valueOf(rigidExpenditure),
                BigDecimal.valueOf(previousYearNetIncome), Set.copyOf(risks), selfCoping, false,
                members.stream().map(Person::toData).toList(), null, null, details, frozen(facts));
        return new TownshipData.HouseholdSpec(villageCode, groupName, helperKey, helperSince, waterPointKey, data,
                List.copyOf(works), List.copyOf(industries), List.copyOf(dropouts), decisions());
    }

    /**
     * The 2019 decisions behind the status: every registered household's class and years as the 2019 动态调整 confirmed
     * them; the households of the 两摸底 lists entered monitoring with their list.
     */
    private List<TownshipData.StatusRecord> decisions() {
        List<TownshipData.StatusRecord> decisions = new ArrayList<>();
        if (kind.registered) {
            decisions.add(new TownshipData.StatusRecord(DecisionKind.REGISTERED, TownshipGenerator.ADJUSTMENT_2019,
                    null, TownshipGenerator.ADJUSTMENT_2019_REFERENCE));
        }
        if (kind == Kind.UNSTABLE || kind == Kind.EDGE) {
            boolean unstable = kind == Kind.UNSTABLE;
            decisions.add(new TownshipData.StatusRecord(DecisionKind.ENTERED_MONITORING, TownshipGenerator.SURVEY_2019,
                    unstable ? "脱贫不稳定户" : "边缘易致贫户", unstable ? "2019年两摸底：脱贫不稳定户摸底名单"
                    : "2019年两摸底：边缘户摸底名单"));
        }
        return List.copyOf(decisions);
    }

    private static Map<String, Object> frozen(Map<String, Object> facts) {
        return facts.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(facts));
    }
}
