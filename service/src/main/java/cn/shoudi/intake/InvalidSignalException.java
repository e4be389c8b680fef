package cn.shoudi.intake;

import java.util.List;

/** Thrown when a signal is invalid; lists every problem in Chinese. */
class InvalidSignalException extends RuntimeException {

    private final List<String> problems;

    InvalidSignalException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
