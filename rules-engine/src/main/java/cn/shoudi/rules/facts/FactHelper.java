package cn.shoudi.rules.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of {@link HouseholdFacts} that a condition snippet may call, e.g. {@code householdClassIn("$param")};
 * the explanation of a row using it shows the named fact (a getter annotated with {@link Fact}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FactHelper {

    /** Property name of the fact the helper reads, e.g. householdClass. */
    String value();
}
