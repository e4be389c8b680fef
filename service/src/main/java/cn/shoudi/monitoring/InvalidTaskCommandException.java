package cn.shoudi.monitoring;

import java.util.List;

/** Thrown when a task command carries invalid data; lists every problem in Chinese. */
class InvalidTaskCommandException extends RuntimeException {

    private final List<String> problems;

    InvalidTaskCommandException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
