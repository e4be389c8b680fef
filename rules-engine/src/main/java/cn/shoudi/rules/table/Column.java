package cn.shoudi.rules.table;

/**
 * One column of a rule table.
 *
 * @param index       zero-based sheet column
 * @param kind        header kind
 * @param objectType  pattern text of the object-type row (conditions), may be empty
 * @param snippet     code snippet row, may be empty for NAME
 * @param description Chinese description row that policy staff read
 * @param actionKey   for ACTION columns, the finding field the column sets (e.g. outcome, reason); else null
 */
public record Column(int index, ColumnKind kind, String objectType, String snippet, String description,
                     String actionKey) {
}
