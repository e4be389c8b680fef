package cn.shoudi.monitoring;

/**
 * Where notifications go (a group robot's webhook today; SMS or an app's push would be other implementations). An
 * implementation sends one text and either returns (delivered) or throws.
 */
interface NotificationChannel {

    /** The channel's name as stored with each message, e.g. WEBHOOK. */
    String name();

    /**
     * Sends one message.
     *
     * @throws NotificationFailedException when the receiver did not accept it (the message is tried again later)
     */
    void send(String text);

    /** A delivery that failed, with the reason as the receiver or the network gave it. */
    final class NotificationFailedException extends RuntimeException {
        NotificationFailedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
