package cn.shoudi;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;

/** The endpoints the application maps, as "METHOD pattern" (e.g. {@code GET /api/households/{id}}), without /error. */
public final class MappedEndpoints {

    private MappedEndpoints() {
    }

    /** Every mapped method and path pattern of the handler mapping; never empty for a running application. */
    public static Set<String> of(RequestMappingHandlerMapping mappings) {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getPathPatternsCondition() == null) {
                return;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.equals("/error")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        });
        return mapped;
    }
}
