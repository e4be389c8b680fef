package cn.shoudi.assessment;

import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The published policy every evaluation uses. Compiled once at start-up from the configured location, on a thread of
 * its own while the rest of the application starts (the first use waits for it); swapped atomically, so an evaluation
 * always sees one whole version.
 */
@Component
public class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final AtomicReference<Evaluator> current = new AtomicReference<>();
    /** The first compilation, started when the bean is made; it runs while the rest of the application starts. */
    private final CompletableFuture<Evaluator> initial;

    private final PolicyProperties properties;

    ActivePolicy(PolicyProperties properties) {
        this.properties = properties;
        List<TableSource> sources = load(properties.location());
        String version = label(sources);
        initial = CompletableFuture.supplyAsync(() -> {
            Evaluator compiled = new Evaluator(new PolicyCompiler().compile(version, sources));
            current.compareAndSet(null, compiled);
            log.info("published policy {} from {} ({} tables)", version, properties.location(), sources.size());
            return compiled;
        }, task -> {
            Thread t = new Thread(task, "policy-startup-compile");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The shipped tables (the configured location), which become the first stored version. */
    public List<TableSource> shipped() {
        return load(properties.location());
    }

    /**
     * Makes a compiled policy the one every new evaluation uses. Atomic: an evaluation in flight keeps the version it
     * started with, a new one gets the new version, and there is no moment without a policy.
     */
    public void publish(Evaluator evaluator) {
        evaluator(); // the start-up compilation first, so that it cannot replace a later publication
        Evaluator old = current.getAndSet(evaluator);
        log.info("policy {} replaced {}", evaluator.policy().version(), old.policy().version());
    }

    /** The version label of a set of workbooks: the same content always gets the same label. */
    public static String label(List<TableSource> sources) {
        return "p-" + checksum(sources).substring(0, 12);
    }

    /**
     * The evaluator of the published policy; never null. Until the first compilation at start-up has finished, waits
     * for it (and rethrows its failure).
     */
    public Evaluator evaluator() {
        Evaluator e = current.get();
        if (e != null) {
            return e;
        }
        try {
            initial.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException re ? re : failed;
        }
        return current.get();
    }

    /** Version label of the published policy. */
    public String version() {
        return evaluator().policy().version();
    }

    private static List<TableSource> load(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(base + "*.xlsx");
            List<TableSource> out = new ArrayList<>();
            for (Resource r : Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                if (!r.getFilename().startsWith("~$")) {
                    out.add(new TableSource(r.getFilename(), r.getContentAsByteArray()));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no decision tables (*.xlsx) found at " + location);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision tables at " + location, e);
        }
    }

    /** SHA-256 over the file names and bytes, in the given order. */
    public static String checksum(List<TableSource> sources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (TableSource s : sources) {
                md.update(s.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(s.bytes());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
