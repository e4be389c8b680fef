package cn.shoudi.registry;

import java.util.List;

/** Thrown when submitted household data is invalid; carries every problem found, not only the first. */
public class InvalidHouseholdException extends RuntimeException {

    /**
     * One invalid field.
     *
     * @param field   JSON path of the field, e.g. members[1].idNumber
     * @param code    stable error code
     * @param message Chinese message
     */
    public record FieldProblem(String field, String code, String message) {
    }

    private final List<FieldProblem> problems;

    InvalidHouseholdException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
