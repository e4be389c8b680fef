package cn.shoudi.assessment;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One evaluation of a household (评估) under one policy version: the outcome of each decision and the findings that
 * explain them. Never changed after it is stored.
 */
@Table("assessment")
record Assessment(@Id Long id, Long householdId, Long householdVersion, String policyVersion, LocalDate asOf,
                  String inputsHash, Instant createdAt,
                  @MappedCollection(idColumn = "assessment_id", keyColumn = "position") List<DecisionRecord> decisions,
                  @MappedCollection(idColumn = "assessment_id", keyColumn = "position") List<FindingRecord> findings) {

    /** One decision's outcome. */
    @Table("assessment_decision")
    record DecisionRecord(String tableId, String title, String outcome) {
    }

    /**
     * One finding, with its explanation; outputs, tested inputs and parameters are JSON.
     */
    @Table("assessment_finding")
    record FindingRecord(String tableId, String tableTitle, String fileName, String sheet, int rowNo, String code,
                         String outcome, String reason, String taskCode, String outputs, String tested,
                         String parameters) {
    }
}
