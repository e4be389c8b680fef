package cn.shoudi.intake;

import cn.shoudi.rules.facts.SignalInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What other features may ask of intake: the department signals matched to a household, as the rules read them. */
@Service
public class IntakeSignals {

    private final JdbcClient jdbc;

    IntakeSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The household's matched signals, oldest first. */
    @Transactional(readOnly = true)
    public List<SignalInput> of(long householdId) {
        return of(List.of(householdId)).getOrDefault(householdId, List.of());
    }

    /**
     * The matched signals of several households in one query, each household's oldest first (ties in the order they
     * were received); households without signals are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<SignalInput>> of(Collection<Long> householdIds) {
        Map<Long, List<SignalInput>> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT household_id, source, kind, amount, event_date, id_number, event_id FROM intake_signal "
                        + "WHERE household_id IN (:ids) AND status = :status ORDER BY household_id, event_date, id")
                .param("ids", householdIds).param("status", Signal.MATCHED)
                .query(rs -> {
                    String source = rs.getString(2);
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SignalInput(source,
                            rs.getString(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                            source + "-" + rs.getString(7)));
                });
        return out;
    }
}
