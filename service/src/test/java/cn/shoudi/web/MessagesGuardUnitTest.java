package cn.shoudi.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Like petclinic's I18nPropertiesSyncTest: no template carries literal user-facing text (Chinese or English) — every
 * text comes from a message key — and every key the templates and page controllers name exists in
 * messages_zh_CN.properties.
 */
class MessagesGuardUnitTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path MESSAGES = Path.of("src/main/resources/messages_zh_CN.properties");

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path t : templates()) {
            literalText(Files.readString(t)).forEach(text -> literal.add(t.getFileName() + ": " + text));
        }
        assertThat(literal).as("literal text in templates").isEmpty();
    }

    @Test
    void theGuardFindsLiteralTextInTextAndInUserFacingAttributes() {
        assertThat(literalText("<p th:text=\"#{a}\"></p><p>你好</p><input placeholder=\"name\" value=\"X1\">"
                + "<script>var s = '脚本';</script>")).containsExactly("placeholder=\"name\"", "你好");
    }

    /** User-facing literal text of a template: text between tags, and placeholder/title/alt/aria-label values. */
    static List<String> literalText(String template) {
        List<String> literal = new ArrayList<>();
        String html = template
                .replaceAll("(?s)<script[^>]*>.*?</script>", "")
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<!DOCTYPE[^>]*>", "");
        Matcher attrs = Pattern.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*)\"").matcher(html);
        while (attrs.find()) {
            if (attrs.group(2).matches(".*[A-Za-z\\u4e00-\\u9fff].*")) {
                literal.add(attrs.group().trim());
            }
        }
        Matcher words = Pattern.compile("[A-Za-z\\u4e00-\\u9fff][^<>\\n]*")
                .matcher(html.replaceAll("(?s)<[^>]*>", " "));
        while (words.find()) {
            literal.add(words.group().trim());
        }
        return literal;
    }

    @Test
    void everyMessageKeyExists() throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(MESSAGES), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher keys = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)").matcher(Files.readString(t));
            while (keys.find()) {
                if (!messages.containsKey(keys.group(1))) {
                    missing.add(t.getFileName() + ": " + keys.group(1));
                }
            }
        }
        try (Stream<Path> java = Files.walk(Path.of("src/main/java/cn/shoudi/web"))) {
            for (Path j : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher keys = Pattern.compile("addFlashAttribute\\(\"notice\", \"([^\"]+)\"|act\\(id, flash, "
                        + "\"([^\"]+)\"").matcher(Files.readString(j));
                while (keys.find()) {
                    String key = keys.group(1) != null ? keys.group(1) : keys.group(2);
                    if (!messages.containsKey(key)) {
                        missing.add(j.getFileName() + ": " + key);
                    }
                }
            }
        }
        for (String dynamic : List.of("coverage.insured", "coverage.family_doctor", "coverage.safe_housing",
                "coverage.water", "coverage.registered_share", "monitoring.monitored", "monitoring.cleared",
                "pending.pending_monitoring", "pending.pending_identification", "pending.pending_exit",
                "pending.pending_clearance")) {
            if (!messages.containsKey("dashboard." + dynamic)) {
                missing.add("dashboard." + dynamic);
            }
        }
        assertThat(missing).as("message keys missing from messages_zh_CN.properties").isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
