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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The published policy every evaluation uses. Compiled once at start-up from the configured location; swapped
 * atomically, so an evaluation always sees one whole version.
 */
@Component
public class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final AtomicReference<Evaluator> current = new AtomicReference<>();

    ActivePolicy(PolicyProperties properties) {
        List<TableSource> sources = load(properties.location());
        String version = "builtin-" + checksum(sources).substring(0, 12);
        current.set(new Evaluator(new PolicyCompiler().compile(version, sources)));
        log.info("published policy {} from {} ({} tables)", version, properties.location(), sources.size());
    }

    /** The evaluator of the published policy; never null. */
    public Evaluator evaluator() {
        return current.get();
    }

    /** Version label of the published policy. */
    public String version() {
        return current.get().policy().version();
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

    static String checksum(List<TableSource> sources) {
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
