package cn.shoudi.rules;

import cn.shoudi.rules.facts.IdNumbers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Resident ID numbers (GB 11643): every valid number passes; every single-digit corruption fails with its reason. */
class IdNumberPropertyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    /** A member: region, birth date, sequence, with a correct check character. */
    record Person(String id, LocalDate born, String sex) {
    }

    @Provide
    Arbitrary<Person> people() {
        Arbitrary<String> region = Arbitraries.of("500243", "500101", "110105", "440524", "340524", "520102");
        Arbitrary<LocalDate> born = Arbitraries.integers().between(0, 40_000)
                .map(days -> LocalDate.of(1920, 1, 1).plusDays(days)).filter(d -> d.isBefore(TODAY));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, born, sequence).as((r, b, s) -> {
            String first17 = r + b.toString().replace("-", "") + String.format("%03d", s);
            return new Person(first17 + IdNumbers.checkCharacter(first17), b, s % 2 == 1 ? "男" : "女");
        });
    }

    @Property(tries = 2000)
    void everyValidNumberPasses(@ForAll("people") Person p) {
        assertThat(IdNumbers.problem(p.id(), p.sex(), p.born(), TODAY)).isEmpty();
        assertThat(IdNumbers.problem(p.id().toLowerCase(), p.sex(), p.born(), TODAY)).isEmpty();
    }

    @Property(tries = 2000)
    void everySingleDigitCorruptionFailsWithTheRightMessage(@ForAll("people") Person p,
                                                            @ForAll @IntRange(min = 0, max = 17) int position,
                                                            @ForAll @IntRange(min = 1, max = 10) int shift) {
        char original = p.id().charAt(position);
        String alphabet = position == 17 ? "0123456789X" : "0123456789";
        int index = alphabet.indexOf(original);
        char replacement = alphabet.charAt((index + shift) % alphabet.length());
        if (replacement == original) {
            return;
        }
        String corrupted = p.id().substring(0, position) + replacement + p.id().substring(position + 1);

        var problem = IdNumbers.problem(corrupted, p.sex(), p.born(), TODAY);

        assertThat(problem).as("corrupting position %d of %s to %s", position + 1, p.id(), corrupted).isPresent();
        String message = problem.get();
        if (position >= 6 && position <= 13) {
            assertThat(message).containsAnyOf("出生日期", "校验位");
        } else if (position == 16) {
            assertThat(message).containsAnyOf("校验位", "性别");
        } else if (position < 2) {
            assertThat(message).containsAnyOf("地区码", "校验位");
        } else {
            assertThat(message).contains("校验位");
        }
    }
}
