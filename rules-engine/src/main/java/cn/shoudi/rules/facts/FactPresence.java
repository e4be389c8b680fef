package cn.shoudi.rules.facts;

import cn.shoudi.rules.facts.FactDefinition.Level;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which recorded facts a household lacks (还缺): a household detail without a value, a member fact some member lacks,
 * a previous year's income not given. The registry's required basics are always known.
 */
public final class FactPresence {

    private static final Set<String> ALWAYS_KNOWN = Set.of("householdClass", "members", "netIncome",
            "rigidExpenditure", "riskTypes", "selfCoping", "guaranteeIssue", "helperCadre", "name", "sex",
            "birthDate", "relation");

    private FactPresence() {
    }

    /** The keys among {@code keys} (catalogue keys of recorded facts) that the household lacks, in their order. */
    public static Set<String> unknown(HouseholdInput household, Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys) {
            if (!known(household, key)) {
                out.add(key);
            }
        }
        return out;
    }

    private static boolean known(HouseholdInput h, String key) {
        if (ALWAYS_KNOWN.contains(key)) {
            return true;
        }
        if (key.equals("previousYearNetIncome")) {
            return h.previousYearNetIncome() != null;
        }
        if (key.equals("idNumber")) {
            return h.members().stream().allMatch(m -> m.idNumber() != null);
        }
        FactDefinition d = FactCatalogue.STANDARD.get(key).orElse(null);
        if (d == null) {
            return false;
        }
        if (d.absenceIsAnswer()) {
            return true;
        }
        if (d.level() == Level.MEMBER) {
            return h.members().stream().allMatch(m -> m.facts().containsKey(key));
        }
        return h.details().values().containsKey(key);
    }
}
