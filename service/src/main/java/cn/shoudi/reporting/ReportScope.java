package cn.shoudi.reporting;

import java.time.LocalDate;

/**
 * Who and when a report or ledger is for: a township, optionally one of its villages, as of a date.
 *
 * @param villageId null for the whole township
 */
public record ReportScope(long townshipId, Long villageId, LocalDate asOf) {

    int year() {
        return asOf.getYear();
    }
}
