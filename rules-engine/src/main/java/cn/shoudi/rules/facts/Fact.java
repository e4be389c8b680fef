package cn.shoudi.rules.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a getter of {@link HouseholdFacts} as a fact that tables may test, with its Chinese name for explanations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Fact {

    /** Chinese name shown in explanations, e.g. 人均纯收入. */
    String value();
}
