package cn.shoudi.bench.latency;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Counts the statements the service sends to the database (every round trip through Connector/J, including
 * {@code COMMIT} and {@code SET autocommit}), by statement text, in this JVM. Installed in the service's connection
 * pool through the driver's {@code queryInterceptors} property; the benchmark's own poller connects without it.
 */
public final class StatementCounter implements QueryInterceptor {

    private static final Map<String, LongAdder> BY_TEXT = new ConcurrentHashMap<>();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final Pattern LITERALS = Pattern.compile("'[^']*'|\\b\\d+\\b");

    /** Statements so far. */
    static long total() {
        return BY_TEXT.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Counts by statement text so far. */
    static Map<String, Long> snapshot() {
        Map<String, Long> out = new ConcurrentHashMap<>();
        BY_TEXT.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The statements run most often between two snapshots, with their count per change. */
    static List<String> top(Map<String, Long> before, Map<String, Long> after, int changes, int limit) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .map(e -> String.format("%6.2f  %s", (double) e.getValue() / changes, e.getKey()))
                .toList();
    }

    /** The statement's first 110 characters, literals folded so that statements with values inline count as one. */
    private static String key(String text) {
        String folded = LITERALS.matcher(text.length() > 300 ? text.substring(0, 300) : text).replaceAll("?");
        return folded.length() > 110 ? folded.substring(0, 110) : folded;
    }

    @Override
    public QueryInterceptor init(MysqlConnection conn, Properties props, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        // a prepared statement's text is one of a few hundred, as are short ones (SET autocommit, COMMIT): their key
        // is computed once
        String text = query instanceof PreparedQuery p ? p.getOriginalSql() : sql.get();
        String key = query instanceof PreparedQuery || text.length() < 64
                ? KEYS.computeIfAbsent(text, StatementCounter::key) : key(text);
        BY_TEXT.computeIfAbsent(key, k -> new LongAdder()).increment();
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return null;
    }
}
