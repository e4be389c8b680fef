package cn.shoudi.policy;

import org.springframework.http.HttpStatus;

/** A refused policy operation, with a Chinese message and the HTTP status it maps to. */
class PolicyProblem extends RuntimeException {

    private final HttpStatus status;

    PolicyProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
