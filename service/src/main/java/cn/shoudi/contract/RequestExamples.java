package cn.shoudi.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts an example request body on each write, from one JSON file keyed by operation ({@code "POST /api/households"}),
 * with realistic values from the demo township: each entry has a Chinese {@code summary} and the {@code value}. The
 * examples live in one file rather than in annotations so the controllers stay readable and the examples can be
 * reviewed together. An entry naming an operation that does not exist or has no request body fails the document, so
 * the file cannot drift from the endpoints unnoticed.
 */
final class RequestExamples implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/request-examples.json";

    private final JsonNode examples;

    RequestExamples(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            this.examples = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request examples " + resource, e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        Set<String> used = new HashSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String key = method.name().toUpperCase(Locale.ROOT) + " " + path;
                JsonNode entry = examples.get(key);
                if (entry != null && apply(operation, entry)) {
                    used.add(key);
                }
            }));
        }
        Set<String> stale = new TreeSet<>();
        for (Iterator<String> it = examples.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!used.contains(key)) {
                stale.add(key);
            }
        }
        if (!stale.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has examples for operations without a request body: " + stale);
        }
    }

    private static boolean apply(Operation operation, JsonNode entry) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        Example example = new Example().summary(entry.path("summary").asText()).value(entry.get("value"));
        for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().entrySet()) {
            if (!media.getKey().startsWith("multipart/")) {
                media.getValue().addExamples("示例", example);
            }
        }
        return true;
    }
}
