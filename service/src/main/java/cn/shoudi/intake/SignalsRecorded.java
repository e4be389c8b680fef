package cn.shoudi.intake;

import java.util.List;

/**
 * A department batch stored new signals matched to these households, which must be evaluated with them. A batch
 * publishes one event per page of its households, each household in exactly one, so that each is evaluated once per
 * batch however many of its signals the batch carried. Published through the outbox.
 *
 * @param batchId      the batch
 * @param householdIds a page of the households concerned, ascending, never empty
 */
public record SignalsRecorded(long batchId, List<Long> householdIds) {
}
