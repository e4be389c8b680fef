package cn.shoudi.intake;

import cn.shoudi.Masked;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import tools.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One department signal as received, with its provenance (source department, the source's event id, when received)
 * and the household it was matched to, if any.
 */
@Table("intake_signal")
record Signal(@Id Long id, String source, String eventId, String kind, BigDecimal amount, LocalDate eventDate,
              @JsonSerialize(using = Masked.IdNumber.class)
              String idNumber, String detail, Long householdId, String status, String reason, Instant receivedAt,
              String resolvedBy) {

    static final String MATCHED = "MATCHED";
    static final String UNMATCHED = "UNMATCHED";
    static final String DISMISSED = "DISMISSED";

    Signal matchedTo(long household, String by) {
        return new Signal(id, source, eventId, kind, amount, eventDate, idNumber, detail, household, MATCHED, null,
                receivedAt, by);
    }
}
