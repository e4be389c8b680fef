package cn.shoudi.web;

import cn.shoudi.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.shoudi.InvalidRequestException;
import cn.shoudi.registry.InvalidHouseholdException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What pages show: the features' answers as the API gives them (the same JSON, so numbers are masked the same way),
 * turned into maps for the templates; and the Chinese message of a refused action, as the API would state it.
 */
@Component
class Views {

    private static final Logger log = LoggerFactory.getLogger(Views.class);

    private final JsonMapper json;

    Views(JsonMapper json) {
        // keep null fields as keys, so that templates can show an empty cell for them
        this.json = json.rebuild().changeDefaultPropertyInclusion(i -> i
                .withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                .withContentInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)).build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value) {
        return value == null ? null : json.convertValue(value, Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : json.convertValue(value, List.class);
    }

    /** A form field as entered, trimmed; null when left empty. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Runs a page's action: on success flashes the notice (a message key) and answers where the action says to go;
     * otherwise flashes why, in Chinese, and answers the fallback. Access errors go on to Spring Security.
     */
    static String attempt(RedirectAttributes flash, String notice, String fallback, Supplier<String> action) {
        try {
            String target = action.get();
            flash.addFlashAttribute("notice", notice);
            return target;
        } catch (RuntimeException e) {
            if (e instanceof AccessDeniedException) {
                throw e;
            }
            flash.addFlashAttribute("error", message(e));
            return fallback;
        }
    }

    /** The Chinese message of a refused action. */
    static String message(RuntimeException e) {
        if (e instanceof InvalidHouseholdException h) {
            return h.problems().stream().map(InvalidHouseholdException.FieldProblem::message)
                    .collect(Collectors.joining("；"));
        }
        if (e instanceof InvalidRequestException r) {
            return String.join("；", r.problems());
        }
        if (e instanceof ErrorResponse er && er.getBody().getDetail() != null) {
            return er.getBody().getDetail();
        }
        if (Incidents.isForUsers(e.getMessage())) {
            return e.getMessage();
        }
        return "操作未完成，请稍后重试；如仍出错请联系管理员并提供事件编号 " + Incidents.log(log, "page action failed", e);
    }
}
