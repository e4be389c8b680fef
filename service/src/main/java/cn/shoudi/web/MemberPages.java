package cn.shoudi.web;

import cn.shoudi.registry.HouseholdController;
import cn.shoudi.registry.HouseholdData;
import cn.shoudi.registry.MemberChange;
import cn.shoudi.registry.MemberData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The household page's member forms (扶贫信息员): a membership change — birth, death, marriage in or out, moving away
 * or back — recorded as the registry's member event, and a correction of one member's basic data. Both re-evaluate
 * the household, as the API does.
 */
@Controller
class MemberPages {

    private final HouseholdController households;
    private final Views views;
    private final JsonMapper json;

    MemberPages(HouseholdController households, Views views, JsonMapper json) {
        this.households = households;
        this.views = views;
        this.json = json;
    }

    /**
     * @param type   BIRTH, DEATH, MARRY_IN, MARRY_OUT, MOVE_AWAY or MOVE_BACK
     * @param leaver the name of the member who leaves (DEATH, MARRY_OUT, MOVE_AWAY)
     */
    @PostMapping("/households/{id}/member-events")
    String memberEvent(@PathVariable long id, @RequestParam String type,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @RequestParam(required = false) String leaver, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String idNumber, @RequestParam(required = false) String sex,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                       @RequestParam(required = false) String relation, @RequestParam(required = false) String note,
                       @RequestParam long version, RedirectAttributes flash) {
        return act(id, flash, "household.memberEventSaved", () -> {
            boolean joins = type.equals("BIRTH") || type.equals("MARRY_IN") || type.equals("MOVE_BACK");
            MemberData joining = joins ? new MemberData(Views.blankToNull(name), Views.blankToNull(idNumber), Views.blankToNull(sex),
                    birthDate, Views.blankToNull(relation), null, null, null, null, null, null, null, null, null) : null;
            households.memberEvent(id, new MemberChange(type, joining, joins ? null : leaver, date,
                    Views.blankToNull(note), version));
        });
    }

    /** Corrects one member's name, relation, health, schooling and labour (index from 0, as on the page). */
    @PostMapping("/households/{id}/members/{index}")
    String editMember(@PathVariable long id, @PathVariable int index, @RequestParam String name,
                      @RequestParam String relation, @RequestParam(required = false) String health,
                      @RequestParam(required = false) String schooling, @RequestParam(required = false) String labour,
                      @RequestParam long version, RedirectAttributes flash) {
        return act(id, flash, "household.memberSaved", () -> {
            Map<String, Object> current = views.map(households.get(id).getBody());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members = new ArrayList<>((List<Map<String, Object>>) current.get("members"));
            Map<String, Object> member = members.get(index);
            member.put("name", name.trim());
            member.put("relation", relation.trim());
            member.put("health", Views.blankToNull(health));
            member.put("schooling", Views.blankToNull(schooling));
            member.put("labour", Views.blankToNull(labour));
            current.put("members", members);
            current.put("version", version);
            current.put("helperCadreId", null);
            households.update(id, json.convertValue(current, HouseholdData.class));
        });
    }

    private static String act(long id, RedirectAttributes flash, String notice, Runnable action) {
        String household = "/households/" + id;
        return "redirect:" + Views.attempt(flash, notice, household, () -> {
            action.run();
            return household;
        });
    }
}
