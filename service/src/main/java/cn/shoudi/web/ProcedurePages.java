package cn.shoudi.web;

import cn.shoudi.Viewer;
import cn.shoudi.monitoring.HouseholdVisits;
import cn.shoudi.monitoring.TaskCommands;
import cn.shoudi.procedure.ProcedureKind;
import cn.shoudi.procedure.ProcedurePipeline;
import cn.shoudi.procedure.ProcedureService;
import cn.shoudi.procedure.ProcedureView;
import cn.shoudi.procedure.Step;
import cn.shoudi.procedure.StepOutcome;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Procedures on pages: from a household's page, start a procedure, take its current step (the village records its
 * 评议 and 公示, the township approves; the service refuses a step out of order or of another level with a Chinese
 * message shown as the page's error) and record a visit outside a task; the leaders' pipeline (程序进度) with the lists
 * behind its figures.
 */
@Controller
class ProcedurePages {

    private final ProcedureService procedures;
    private final ProcedurePipeline pipeline;
    private final HouseholdVisits visits;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    ProcedurePages(ProcedureService procedures, ProcedurePipeline pipeline, HouseholdVisits visits,
                   MessageSource messages, JdbcClient jdbc) {
        this.procedures = procedures;
        this.pipeline = pipeline;
        this.visits = visits;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @PostMapping("/households/{id}/procedures")
    String start(@PathVariable long id, @RequestParam String kind, @RequestParam(required = false) String origin,
                 @RequestParam(required = false) String category,
                 @RequestParam(defaultValue = "false") boolean greenChannel,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
                 @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, "procedure.started", "procedures", () -> procedures.start(id, new ProcedureService.Start(kind,
                Views.blankToNull(origin), Views.blankToNull(category), greenChannel, startedOn, note, null)));
    }

    @PostMapping("/households/{id}/procedures/{procedureId}/steps")
    String take(@PathVariable long id, @PathVariable long procedureId, @RequestParam String step,
                @RequestParam String outcome,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) String note, @RequestParam(required = false) String reference,
                RedirectAttributes flash) {
        String at = "procedure-" + procedureId;
        if (StepOutcome.REJECTED.name().equals(outcome) && (note == null || note.isBlank())) {
            flash.addFlashAttribute("error", messages.getMessage("procedure.rejectNeedsNote", null,
                    LocaleContextHolder.getLocale()));
            flash.addFlashAttribute("at", at);
            return "redirect:/households/" + id + "#" + at;
        }
        return act(id, flash, "procedure.stepTaken", at, () -> procedures.take(procedureId,
                new ProcedureService.Take(step, outcome, date, note, reference)));
    }

    @PostMapping("/households/{id}/visits")
    String visit(@PathVariable long id,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitDate,
                 @RequestParam String findings, @RequestParam(required = false) List<String> measures,
                 @RequestParam(required = false) String otherMeasure,
                 @RequestParam(required = false) Boolean rigidSpendResolved,
                 @RequestParam(required = false) Boolean newRiskDetected, RedirectAttributes flash) {
        Long cadre = Viewer.current().cadreId();
        try {
            visits.record(id, new TaskCommands.VisitData(cadre == null ? -1L : cadre, visitDate, findings,
                    measures == null ? List.of() : measures, Views.blankToNull(otherMeasure), rigidSpendResolved,
                    newRiskDetected));
            flash.addFlashAttribute("notice", "household.visitRecorded");
        } catch (AccessDeniedException e) {
            throw e;
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
        }
        flash.addFlashAttribute("at", "visits");
        return "redirect:/households/" + id + "#visits";
    }

    /** 程序进度: per procedure kind, how many households are at each step and how many steps are overdue. */
    @GetMapping("/procedures")
    String pipeline(@RequestParam(required = false) Long villageId, Model model) {
        ProcedurePipeline.Pipeline p = pipeline.pipeline(villageId);
        model.addAttribute("pipeline", p);
        model.addAttribute("villages", villages());
        model.addAttribute("villageId", Viewer.current().limitedToVillage() != null
                ? Viewer.current().limitedToVillage() : villageId);
        return "procedures/pipeline";
    }

    /** The procedures behind a figure of the pipeline: of a kind, at a step, or only the overdue ones. */
    @GetMapping("/procedures/list")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String step,
                @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) Long villageId, Model model) {
        model.addAttribute("items", pipeline.items(kind, step, overdue, villageId));
        model.addAttribute("kindLabel", ProcedureKind.parse(kind).map(ProcedureKind::label).orElse(null));
        model.addAttribute("stepLabel", Step.parse(step).map(Step::label).orElse(null));
        model.addAttribute("overdue", overdue);
        model.addAttribute("villageId", villageId);
        return "procedures/list";
    }

    /**
     * Runs an action on a household's procedure and goes back to the household's page, at the procedure it acted on;
     * a refusal is shown there, at {@code at} (the section the form was in).
     */
    private String act(long householdId, RedirectAttributes flash, String notice, String at,
                       Supplier<ProcedureView> action) {
        try {
            ProcedureView p = action.get();
            flash.addFlashAttribute("notice", notice);
            flash.addFlashAttribute("at", "procedure-" + p.id());
            return "redirect:/households/" + p.householdId() + "#procedure-" + p.id();
        } catch (AccessDeniedException e) {
            throw e;
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
            flash.addFlashAttribute("at", at);
            return "redirect:/households/" + householdId + "#" + at;
        }
    }

    /** The villages a viewer may filter by: its own when limited to one, else all. */
    private List<Map<String, Object>> villages() {
        Long own = Viewer.current().limitedToVillage();
        return jdbc.sql("SELECT id, name FROM registry_village ORDER BY id")
                .query((rs, i) -> Map.<String, Object>of("id", rs.getLong(1), "name", rs.getString(2))).list()
                .stream().filter(v -> own == null || own.equals(v.get("id"))).toList();
    }
}
