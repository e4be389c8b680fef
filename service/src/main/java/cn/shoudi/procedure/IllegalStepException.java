package cn.shoudi.procedure;

/** A step that the procedure's state does not allow (out of order, a notice not yet over, a closed procedure): 409. */
public class IllegalStepException extends RuntimeException {

    public IllegalStepException(String message) {
        super(message);
    }
}
