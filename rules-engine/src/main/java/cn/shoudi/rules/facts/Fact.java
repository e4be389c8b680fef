package cn.shoudi.rules.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a getter of {@link HouseholdFacts} as a fact that tables may test. Its Chinese label, type and source are in
 * the {@link FactCatalogue} under the getter's property name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Fact {
}
