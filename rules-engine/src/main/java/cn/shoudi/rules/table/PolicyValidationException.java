package cn.shoudi.rules.table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when one or more workbooks of a policy are malformed; carries every error found, each located to its cell.
 */
public class PolicyValidationException extends RuntimeException {

    private final List<TableError> errors;

    public PolicyValidationException(List<TableError> errors) {
        super(errors.stream().map(TableError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, never empty. */
    public List<TableError> errors() {
        return errors;
    }
}
