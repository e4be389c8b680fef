package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.InvalidRequestException;
import cn.shoudi.Viewer;
import cn.shoudi.rules.facts.HouseholdClass;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** REST API of a household's status (户状态): read it with its history and measures; an administrator corrects it. */
@Tag(name = "户籍")
@RestController
@RequestMapping("/api/households/{id}/status")
public class StatusController {

    private final HouseholdStatuses statuses;
    private final Registry registry;

    StatusController(HouseholdStatuses statuses, Registry registry) {
        this.statuses = statuses;
        this.registry = registry;
    }

    /**
     * The status, in Chinese and as fields, with every change that made it and the measures the household received.
     *
     * @param text one line in Chinese, e.g. 脱贫户（2016年建档，2018年脱贫）；监测对象：脱贫不稳定户，2021-03-01纳入
     */
    public record StatusView(HouseholdStatus status, String text, List<StatusChange> history,
                             List<HouseholdStatuses.MeasureView> measures) {
    }

    @Operation(summary = "查询户状态及其变化历史和帮扶措施")
    @GetMapping
    public StatusView get(@PathVariable long id) {
        registry.requireVisible(Viewer.current(), id);
        HouseholdStatus s = statuses.status(id);
        return new StatusView(s, s.describe(), statuses.history(id), statuses.measures(id));
    }

    /**
     * An administrator's correction of a wrongly recorded status.
     *
     * @param householdClass 一般农户 / 未脱贫户 / 脱贫户 (or the constant)
     * @param monitoring     MONITORED, CLEARED (or 监测对象, 风险已消除), or null for never monitored
     * @param reason         why, required
     * @param reference      a supporting document, optional
     * @param effectiveOn    when the corrected status took effect, default today
     */
    public record Correction(String householdClass, Integer registeredYear, Integer exitYear, String monitoring,
                             String category, LocalDate since, LocalDate riskClearedOn, String reason,
                             String reference, LocalDate effectiveOn) {
    }

    @Operation(summary = "更正登记有误的户状态（系统管理员）")
    @PostMapping("/corrections")
    public StatusView correct(@PathVariable long id, @RequestBody Correction c) {
        HouseholdClass cls;
        try {
            cls = HouseholdClass.parse(c.householdClass());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of("户类型须为一般农户、未脱贫户或脱贫户"));
        }
        MonitoringStatus m = null;
        if (c.monitoring() != null && !c.monitoring().isBlank()) {
            m = Arrays.stream(MonitoringStatus.values())
                    .filter(x -> x.name().equalsIgnoreCase(c.monitoring().trim()) || x.label().equals(c.monitoring().trim()))
                    .findFirst().orElseThrow(() -> new InvalidRequestException(List.of("监测状态须为监测对象或风险已消除")));
        }
        statuses.correct(id, new HouseholdStatus(cls, c.registeredYear(), c.exitYear(), m, c.category(), c.since(),
                c.riskClearedOn()), c.effectiveOn(), c.reason(), c.reference());
        return get(id);
    }
}
