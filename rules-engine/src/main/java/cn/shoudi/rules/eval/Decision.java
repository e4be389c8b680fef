package cn.shoudi.rules.eval;

import java.util.List;

/**
 * The outcome of one decision table for a household.
 *
 * @param tableId  decision id
 * @param title    decision's Chinese name
 * @param outcome  the outcome of the first (top-most) row that fired, else the table's default outcome
 * @param findings the rows that fired, top to bottom; empty when none
 */
public record Decision(String tableId, String title, String outcome, List<Finding> findings) {
}
