package cn.shoudi.registry;

/** A decision that does not apply to the household's current status (e.g. 风险消除 of a household not monitored). */
public class IllegalStatusChangeException extends RuntimeException {

    public IllegalStatusChangeException(String message) {
        super(message);
    }
}
