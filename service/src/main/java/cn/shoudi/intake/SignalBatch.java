package cn.shoudi.intake;

import java.time.Instant;
import java.util.List;

/**
 * A department batch (部门批量报送) as stored: who sent which file when, its counts, and the result of every record in
 * the file's order. It is the report the sender gets, and can fetch again.
 *
 * @param format  JSONL, CSV or XLSX
 * @param records one result per record of the file, in its order
 */
record SignalBatch(long id, String department, String fileName, String format, Counts counts, String receivedBy,
                   Instant receivedAt, List<RecordResult> records) {

    /**
     * How many records of the batch ended how.
     *
     * @param records    records in the file (blank lines left out)
     * @param created    新增: stored and matched
     * @param unmatched  未匹配: stored, in the review queue
     * @param duplicates 重复: received before, nothing stored
     * @param invalid    无效: refused, nothing stored
     * @param households distinct households the new signals matched, each evaluated once for the batch
     */
    record Counts(int records, int created, int unmatched, int duplicates, int invalid, int households) {
    }

    /**
     * The result of one record.
     *
     * @param line        its line (JSON lines) or row (CSV, XLSX; the column names are row 1) number
     * @param eventId     the source's event id as sent (may be missing on an invalid record)
     * @param statusLabel the status in Chinese: 新增, 未匹配, 重复, 无效
     * @param problems    why it is not 新增, in Chinese; empty for 新增
     * @param signalId    the stored signal (the one received before, for a 重复 of an earlier batch or call)
     * @param householdId the household the signal is matched to, if any
     */
    record RecordResult(int line, String eventId, RecordStatus status, String statusLabel, List<String> problems,
                        Long signalId, Long householdId) {

        RecordResult(int line, String eventId, RecordStatus status, List<String> problems, Long signalId,
                     Long householdId) {
            this(line, eventId, status, status.label(), List.copyOf(problems), signalId, householdId);
        }
    }
}
