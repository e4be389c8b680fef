package cn.shoudi;

import java.util.List;

/** A request with invalid data; carries every problem found, each in Chinese. Answered with 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, never empty. */
    public List<String> problems() {
        return problems;
    }
}
