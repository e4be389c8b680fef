package cn.shoudi.web;

import cn.shoudi.monitoring.HouseholdVisits;
import cn.shoudi.procedure.Origin;
import cn.shoudi.procedure.ProcedureKind;
import cn.shoudi.procedure.ProcedureProposals;
import cn.shoudi.procedure.ProcedureService;
import cn.shoudi.procedure.ProcedureView;
import cn.shoudi.procedure.Step;
import cn.shoudi.registry.HouseholdStatus;
import cn.shoudi.registry.HouseholdStatuses;
import cn.shoudi.registry.Measure;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a household's page shows beyond its data: the confirmed status (户类型, 建档/脱贫年份, 监测状态) and, apart from
 * it, the rules' open proposals (待核实); the status history; the measures received and the visits; the household's
 * procedures with their record, and which of their current steps the viewer's role may take.
 */
@Component
class HouseholdRecord {

    private final HouseholdStatuses statuses;
    private final ProcedureService procedures;
    private final ProcedureProposals proposals;
    private final HouseholdVisits visits;

    HouseholdRecord(HouseholdStatuses statuses, ProcedureService procedures, ProcedureProposals proposals,
                    HouseholdVisits visits) {
        this.statuses = statuses;
        this.procedures = procedures;
        this.proposals = proposals;
        this.visits = visits;
    }

    /** Adds the status, proposals, history, measures, visits and procedures of a household the viewer may see. */
    void addTo(long householdId, Model model) {
        HouseholdStatus status = statuses.status(householdId);
        model.addAttribute("status", status);
        model.addAttribute("statusHistory", statuses.history(householdId));
        model.addAttribute("proposals", proposals.of(householdId));
        model.addAttribute("measuresReceived", statuses.measures(householdId));
        model.addAttribute("visits", visits.of(householdId));
        List<ProcedureView> list = procedures.of(householdId);
        Set<Long> takeable = list.stream()
                .filter(p -> p.currentStep() != null && procedures.mayTake(Step.valueOf(p.currentStep())))
                .map(ProcedureView::id).collect(Collectors.toSet());
        model.addAttribute("procedures", list);
        model.addAttribute("takeable", takeable);
        model.addAttribute("kinds", ProcedureKind.values());
        model.addAttribute("origins", Origin.values());
        model.addAttribute("categories", HouseholdStatus.CATEGORIES);
        model.addAttribute("measureChoices", Measure.values());
        model.addAttribute("today", LocalDate.now());
    }
}
