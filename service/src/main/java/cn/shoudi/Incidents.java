package cn.shoudi;

import org.slf4j.Logger;

import java.util.UUID;

/**
 * Incident numbers (事件编号): an error whose technical detail must not reach the user (a library's text, an exception
 * name, SQL) is logged with the detail under a short number, and the user is given the number to quote.
 */
public final class Incidents {

    private Incidents() {
    }

    /**
     * Logs {@code e} at WARN under a new incident number.
     *
     * @param what what failed, in English, for the log
     * @return the incident number, to be shown to the user
     */
    public static String log(Logger log, String what, Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.warn("incident {}: {}", incident, what, e);
        return incident;
    }

    /** Whether a message was written for users (it has Chinese in it) rather than by a library. */
    public static boolean isForUsers(String message) {
        return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN);
    }
}
