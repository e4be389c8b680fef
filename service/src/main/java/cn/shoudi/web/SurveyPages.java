package cn.shoudi.web;

import cn.shoudi.assessment.RuleCoverage;
import cn.shoudi.registry.HouseholdController;
import cn.shoudi.registry.HouseholdData;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactDefinition.Level;
import cn.shoudi.rules.facts.FactGroup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.math.BigDecimal;

/**
 * 入户调查 — the survey form, phone width first: a cadre or information officer records or corrects a household's facts
 * of the fact catalogue group by group (each group saved on its own, with the API's validation messages), its members'
 * facts, and sees which facts the published tables test for this household that are still unknown (还缺).
 */
@Controller
class SurveyPages {

    private final HouseholdController households;
    private final RuleCoverage coverage;
    private final Views views;
    private final JsonMapper json;

    SurveyPages(HouseholdController households, RuleCoverage coverage, Views views, JsonMapper json) {
        this.households = households;
        this.coverage = coverage;
        this.views = views;
        this.json = json;
    }

    /** One input of the form. */
    record Field(String key, String label, String type, List<String> allowed, String min, String max, String unit,
                 String hint, String value, List<String> values, boolean missing) {
    }

    /** One section: a group of household facts. */
    record Section(String code, String label, List<Field> fields) {
    }

    /** One member's facts. */
    record MemberSection(int index, String name, String relation, List<Field> fields) {
    }

    @GetMapping("/households/{id}/survey")
    String survey(@PathVariable long id, Model model) {
        Map<String, Object> household = views.map(households.get(id).getBody());
        Set<String> missing = coverage.missing(id).stream().map(FactDefinition::key).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) household.getOrDefault("facts", Map.of());
        List<Section> sections = new ArrayList<>();
        Map<FactGroup, List<FactDefinition>> byGroup = FactCatalogue.STANDARD.recordedInFactsMap(Level.HOUSEHOLD)
                .stream().collect(Collectors.groupingBy(FactDefinition::group, LinkedHashMap::new, Collectors.toList()));
        byGroup.forEach((group, defs) -> sections.add(new Section(group.name(), group.label(),
                defs.stream().map(d -> field(d, facts.get(d.key()), missing.contains(d.key()))).toList())));
        List<MemberSection> members = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ms = (List<Map<String, Object>>) household.get("members");
        for (int i = 0; i < ms.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> mf = (Map<String, Object>) ms.get(i).getOrDefault("facts", Map.of());
            Map<String, Object> given = mf == null ? Map.of() : mf;
            members.add(new MemberSection(i, (String) ms.get(i).get("name"), (String) ms.get(i).get("relation"),
                    FactCatalogue.STANDARD.recordedInFactsMap(Level.MEMBER).stream()
                            .map(d -> field(d, given.get(d.key()), !given.containsKey(d.key())
                                    && missing.contains(d.key()))).toList()));
        }
        model.addAttribute("household", household);
        model.addAttribute("sections", sections);
        model.addAttribute("members", members);
        model.addAttribute("missing", FactCatalogue.STANDARD.all().stream().filter(d -> missing.contains(d.key()))
                .toList());
        return "households/survey";
    }

    @PostMapping("/households/{id}/survey")
    String save(@PathVariable long id, @RequestParam String group, @RequestParam long version,
                @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        FactGroup g = FactGroup.valueOf(group);
        Map<String, Object> values = new HashMap<>();
        for (FactDefinition d : FactCatalogue.STANDARD.recordedInFactsMap(Level.HOUSEHOLD)) {
            if (d.group() == g) {
                values.put(d.key(), formValue(d, form.get("f." + d.key())));
            }
        }
        try {
            households.recordFacts(id, new HouseholdController.FactUpdate(version, g.label(), values));
            flash.addFlashAttribute("notice", "survey.saved");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
        }
        return "redirect:/households/" + id + "/survey#" + group;
    }

    @PostMapping("/households/{id}/survey/members")
    String saveMembers(@PathVariable long id, @RequestParam long version,
                       @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        try {
            Map<String, Object> current = views.map(households.get(id).getBody());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ms = (List<Map<String, Object>>) current.get("members");
            List<Map<String, Object>> edited = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                Map<String, Object> m = new LinkedHashMap<>(ms.get(i));
                Map<String, Object> facts = new HashMap<>();
                for (FactDefinition d : FactCatalogue.STANDARD.recordedInFactsMap(Level.MEMBER)) {
                    facts.put(d.key(), formValue(d, form.get("m" + i + "." + d.key())));
                }
                m.put("facts", facts);
                edited.add(m);
            }
            current.put("members", edited);
            current.put("version", version);
            households.update(id, json.convertValue(current, HouseholdData.class));
            flash.addFlashAttribute("notice", "survey.saved");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
        }
        return "redirect:/households/" + id + "/survey#members";
    }

    private static Field field(FactDefinition d, Object value, boolean missing) {
        List<String> values = value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        String text = value == null ? "" : value instanceof Boolean b ? (b ? "true" : "false")
                : value instanceof List<?> ? "" : String.valueOf(value);
        return new Field(d.key(), d.label(), d.type().name(), d.allowed(), plain(d.min()), plain(d.max()), d.unit(),
                d.hint(), text, values, missing);
    }

    /** A form's value as the API takes it: blank is null (unknown, clears the stored value). */
    private static Object formValue(FactDefinition d, List<String> submitted) {
        List<String> given = submitted == null ? List.of()
                : submitted.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (given.isEmpty()) {
            return null;
        }
        return switch (d.type()) {
            case CHOICES -> given;
            case BOOLEAN -> Boolean.valueOf(given.get(0));
            default -> given.get(0).trim();
        };
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
