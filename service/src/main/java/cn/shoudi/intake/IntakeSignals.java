package cn.shoudi.intake;

import cn.shoudi.rules.facts.SignalInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What other features may ask of intake: the department signals matched to a household, as the rules read them. */
@Service
public class IntakeSignals {

    private final Signals signals;

    IntakeSignals(Signals signals) {
        this.signals = signals;
    }

    /** The household's matched signals, oldest first. */
    @Transactional(readOnly = true)
    public List<SignalInput> of(long householdId) {
        return signals.findByHouseholdIdOrderByEventDate(householdId).stream()
                .filter(s -> Signal.MATCHED.equals(s.status()))
                .map(s -> new SignalInput(s.source(), s.kind(), s.amount(), s.eventDate(), s.idNumber(),
                        s.source() + "-" + s.eventId()))
                .toList();
    }
}
