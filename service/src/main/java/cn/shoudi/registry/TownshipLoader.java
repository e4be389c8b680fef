package cn.shoudi.registry;

import cn.shoudi.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a whole township in one transaction, in batches, without publishing a {@link HouseholdChanged} per household:
 * the caller evaluates the township afterwards with one full re-evaluation. The decisions a household's status already
 * carries are applied through the same guarded transitions as a procedure's and kept in its status history, in the
 * same batches. A township whose code is already stored is left alone, so loading is idempotent.
 */
@Service
public class TownshipLoader {

    private static final Logger log = LoggerFactory.getLogger(TownshipLoader.class);
    private static final int BATCH = 500;

    /**
     * How a load ended.
     *
     * @param townshipId the township
     * @param created    false when the township was already stored and nothing was written
     * @param households households written
     * @param cadreIds   the ids of the cadres written, by their keys in the township data
     */
    public record Result(long townshipId, boolean created, int households, Map<String, Long> cadreIds) {
    }

    private final Households households;
    private final Villages villages;
    private final VillagerGroups groups;
    private final Cadres cadres;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final StatusHistory history;
    private final Clock clock;

    TownshipLoader(Households households, Villages villages, VillagerGroups groups, Cadres cadres, JdbcClient jdbc,
                   JdbcTemplate template, StatusHistory history, Clock clock) {
        this.history = history;
        this.households = households;
        this.villages = villages;
        this.groups = groups;
        this.cadres = cadres;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** The id of the township with this code, if stored. */
    @Transactional(readOnly = true)
    public Optional<Long> townshipId(String code) {
        return jdbc.sql("SELECT id FROM registry_township WHERE code = ?").param(code).query(Long.class).optional();
    }

    /**
     * Loads the township unless its code is stored.
     *
     * @throws IllegalStatusChangeException when a household's decisions do not apply to its status in their order
     * @throws IllegalArgumentException     when a household's decisions are not in date order
     */
    @Transactional
    public Result load(TownshipData t) {
        Optional<Long> existing = townshipId(t.code());
        if (existing.isPresent()) {
            return new Result(existing.get(), false, 0, Map.of());
        }
        long started = System.nanoTime();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO registry_township (code, name, county) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, t.code());
            ps.setString(2, t.name());
            ps.setString(3, t.county());
            return ps;
        }, key);
        long townshipId = key.getKey().longValue();
        Map<String, Long> cadreIds = new HashMap<>();
        Map<String, Long> villageIds = new HashMap<>();
        Map<String, Long> groupIds = new HashMap<>();
        for (TownshipData.CadreSpec c : t.cadres()) {
            cadreIds.put(c.key(), saveCadre(c, null, townshipId));
        }
        for (TownshipData.VillageSpec v : t.villages()) {
            long villageId = villages.save(new Village(null, v.code(), v.name(), v.poor(), townshipId)).id();
            villageIds.put(v.code(), villageId);
            for (TownshipData.CadreSpec c : v.cadres()) {
                cadreIds.put(c.key(), saveCadre(c, villageId, townshipId));
            }
            for (TownshipData.GroupSpec g : v.groups()) {
                Long cadre = g.cadre() == null ? null : saveCadre(g.cadre(), villageId, townshipId);
                if (cadre != null) {
                    cadreIds.put(g.cadre().key(), cadre);
                }
                groupIds.put(v.code() + "/" + g.name(), groups.save(new VillagerGroup(null, villageId, g.name(),
                        cadre)).id());
            }
        }
        Map<String, Long> waterIds = new HashMap<>();
        for (TownshipData.WaterPointSpec w : t.waterPoints()) {
            GeneratedKeyHolder k = new GeneratedKeyHolder();
            template.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO registry_water_point (village_id, name, kind, "
                        + "built_year, investment, keeper_name, keeper_phone) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                ps.setLong(1, villageIds.get(w.villageCode()));
                ps.setString(2, w.name());
                ps.setString(3, w.kind());
                ps.setObject(4, w.builtYear());
                ps.setBigDecimal(5, w.investment());
                ps.setString(6, w.keeperName());
                ps.setString(7, w.keeperPhone());
                return ps;
            }, k);
            waterIds.put(w.key(), k.getKey().longValue());
        }
        Instant now = clock.instant();
        List<TownshipData.HouseholdSpec> all = t.households();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<TownshipData.HouseholdSpec> page = all.subList(from, Math.min(all.size(), from + BATCH));
            List<Household> entities = new ArrayList<>(page.size());
            List<List<StatusHistory.Entry>> decided = new ArrayList<>(page.size());
            for (TownshipData.HouseholdSpec s : page) {
                HouseholdData d = s.data();
                HouseholdData.Details x = d.housing();
                HouseholdData.Details details = x == null ? null : new HouseholdData.Details(x.houseGrade(),
                        x.houseRenovated(), x.relocated(), x.waterQualityOk(), x.familyDoctorSigned(),
                        x.lowIncomeAllowance(), x.registeredYear(), x.exitYear(), x.mainCause(), x.houseUse(),
                        x.houseBuildings(), x.relocationYear(),
                        s.waterPointKey() == null ? null : waterIds.get(s.waterPointKey()));
                Long group = groupIds.get(s.villageCode() + "/" + s.groupName());
                Household h = Household.register(new HouseholdData(d.householdNo(), villageIds.get(s.villageCode()),
                        group, d.householdClass(), d.netIncome(), d.rigidExpenditure(), d.previousYearNetIncome(),
                        d.riskTypes(), d.selfCoping(), d.guaranteeIssue(), d.members(), null, null, details,
                        d.facts()), now);
                if (s.helperKey() != null) {
                    h.assignHelper(cadreIds.get(s.helperKey()), s.helperSince());
                }
                decided.add(decide(h, s, now));
                entities.add(h);
            }
            List<Household> saved = households.saveAll(entities);
            List<StatusHistory.Entry> changes = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                long id = saved.get(i).id();
                decided.get(i).forEach(e -> changes.add(e.of(id)));
            }
            history.recordAll(changes, Viewer.current().username(), now);
            List<Object[]> works = new ArrayList<>();
            List<Object[]> industries = new ArrayList<>();
            List<Object[]> dropouts = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                long id = saved.get(i).id();
                TownshipData.HouseholdSpec s = page.get(i);
                s.works().forEach(w -> works.add(new Object[] {id, w.year(), w.kind(), w.method()}));
                s.industries().forEach(n -> industries.add(new Object[] {id, n.industry(), n.quantity(), n.unit()}));
                s.dropouts().forEach(c -> dropouts.add(new Object[] {id, c.memberName(), c.idNumber(), c.foundOn(),
                        c.reason(), c.outcome(), c.resolvedOn()}));
            }
            template.batchUpdate("INSERT INTO registry_housing_work (household_id, work_year, kind, method) "
                    + "VALUES (?, ?, ?, ?)", works);
            template.batchUpdate("INSERT INTO registry_household_industry (household_id, industry, quantity, unit) "
                    + "VALUES (?, ?, ?, ?)", industries);
            template.batchUpdate("INSERT INTO registry_dropout_case (household_id, member_name, id_number, found_on, "
                    + "reason, outcome, resolved_on) VALUES (?, ?, ?, ?, ?, ?, ?)", dropouts);
        }
        log.info("township {} {} loaded: {} villages, {} households in {} ms", t.code(), t.name(), t.villages().size(),
                all.size(), (System.nanoTime() - started) / 1_000_000);
        return new Result(townshipId, true, all.size(), Map.copyOf(cadreIds));
    }

    /**
     * Applies the spec's decisions to the new household, oldest first, and returns the status changes to record, of
     * household 0 until it is saved; 初始登记 confirms the status the data gives.
     */
    private static List<StatusHistory.Entry> decide(Household h, TownshipData.HouseholdSpec s, Instant now) {
        List<StatusHistory.Entry> changes = new ArrayList<>();
        HouseholdStatus status = h.status();
        LocalDate previous = null;
        for (TownshipData.StatusRecord r : s.decisions()) {
            if (previous != null && r.effectiveOn().isBefore(previous)) {
                throw new IllegalArgumentException("household " + s.data().householdNo()
                        + ": decisions out of date order");
            }
            previous = r.effectiveOn();
            HouseholdStatus before = status;
            String summary;
            if (r.kind() == DecisionKind.REGISTERED) {
                summary = "登记为" + status.describe();
            } else {
                status = status.after(new Decision(r.kind(), r.effectiveOn(), r.category(), r.reference(), null,
                        Viewer.current().username()));
                summary = before.describe() + " → " + status.describe();
            }
            changes.add(new StatusHistory.Entry(0, r.kind(), r.effectiveOn(), status, summary, r.reference()));
        }
        h.changeStatus(status, now);
        return changes;
    }

    private long saveCadre(TownshipData.CadreSpec c, Long villageId, long townshipId) {
        return cadres.save(new Cadre(null, c.name(), c.phone(), c.role(), villageId, true, townshipId)).id();
    }
}
