package cn.shoudi.registry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import cn.shoudi.Viewer;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What other features may ask of the registry: a household as the rules see it, and who is responsible for it.
 */
@Service
public class Registry {

    private final Households households;
    private final VillagerGroups groups;
    private final Cadres cadres;

    private final JdbcClient jdbc;
    private final RulesInputs rulesInputs;

    Registry(Households households, VillagerGroups groups, Cadres cadres,
             JdbcClient jdbc, RulesInputs rulesInputs) {
        this.jdbc = jdbc;
        this.rulesInputs = rulesInputs;
        this.households = households;
        this.groups = groups;
        this.cadres = cadres;
    }

    /** The household's current data as the rules' input, or empty when it does not exist. */
    @Transactional(readOnly = true)
    public Optional<HouseholdSnapshot> snapshot(long householdId) {
        return rulesInputs.load(List.of(householdId)).stream().findFirst();
    }

    /**
     * The responsible cadre along the chain 帮扶责任人 → 驻组干部 → 村两委 → 乡镇; inactive cadres are skipped.
     */
    @Transactional(readOnly = true)
    public Responsible responsibleFor(long householdId) {
        Responsible r = responsibleFor(List.of(householdId), false).get(householdId);
        if (r == null) {
            throw new HouseholdNotFoundException(householdId);
        }
        return r;
    }

    /**
     * {@link #responsibleFor(long)} for several households at once, in four queries whatever their number; when
     * {@code informationOfficer}, the village's active information officer (扶贫信息员) comes first: who fixes the
     * household's registry data (data corrections). Unknown households are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Responsible> responsibleFor(Collection<Long> householdIds, boolean informationOfficer) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        record Place(long villageId, long groupId, Long helper) {
        }
        Map<Long, Place> places = new HashMap<>();
        jdbc.sql("SELECT h.id, h.village_id, h.group_id, (SELECT a.cadre_id FROM registry_helper_assignment a "
                        + "WHERE a.household_id = h.id AND a.end_date IS NULL ORDER BY a.position LIMIT 1) "
                        + "FROM registry_household h WHERE h.id IN (:ids)")
                .param("ids", householdIds)
                .query(rs -> {
                    places.put(rs.getLong(1), new Place(rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class)));
                });
        if (places.isEmpty()) {
            return Map.of();
        }
        Set<Long> groupIds = places.values().stream().map(Place::groupId).collect(Collectors.toSet());
        Set<Long> villageIds = places.values().stream().map(Place::villageId).collect(Collectors.toSet());
        Map<Long, Long> groupCadre = new HashMap<>();
        jdbc.sql("SELECT g.id, g.cadre_id FROM registry_villager_group g JOIN registry_cadre c ON c.id = g.cadre_id "
                        + "WHERE g.id IN (:ids) AND c.active = TRUE")
                .param("ids", groupIds)
                .query(rs -> {
                    groupCadre.put(rs.getLong(1), rs.getLong(2));
                });
        Set<Long> helperIds = places.values().stream().map(Place::helper).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<Long> activeHelpers = helperIds.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                        "SELECT id FROM registry_cadre WHERE id IN (:ids) AND active = TRUE")
                .param("ids", helperIds).query(Long.class).list());
        Map<Long, Long> committee = new HashMap<>();
        Map<Long, Long> officers = new HashMap<>();
        jdbc.sql("SELECT village_id, role, id FROM registry_cadre WHERE village_id IN (:ids) AND active = TRUE "
                        + "AND role IN (:roles) ORDER BY id")
                .param("ids", villageIds)
                .param("roles", List.of(CadreRole.VILLAGE_COMMITTEE.name(), CadreRole.INFO_OFFICER.name()))
                .query(rs -> {
                    (CadreRole.INFO_OFFICER.name().equals(rs.getString(2)) ? officers : committee)
                            .putIfAbsent(rs.getLong(1), rs.getLong(3));
                });
        Map<Long, Responsible> out = new HashMap<>();
        places.forEach((id, p) -> {
            Responsible r;
            if (informationOfficer && officers.containsKey(p.villageId())) {
                r = new Responsible(officers.get(p.villageId()), Responsible.Level.INFO_OFFICER);
            } else if (p.helper() != null && activeHelpers.contains(p.helper())) {
                r = new Responsible(p.helper(), Responsible.Level.HELPER);
            } else if (groupCadre.containsKey(p.groupId())) {
                r = new Responsible(groupCadre.get(p.groupId()), Responsible.Level.GROUP_CADRE);
            } else if (committee.containsKey(p.villageId())) {
                r = new Responsible(committee.get(p.villageId()), Responsible.Level.VILLAGE_COMMITTEE);
            } else {
                r = new Responsible(null, Responsible.Level.TOWNSHIP);
            }
            out.put(id, r);
        });
        return out;
    }

    /** The village of each of several households; unknown households are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> villagesOf(Collection<Long> householdIds) {
        Map<Long, Long> out = new HashMap<>();
        if (!householdIds.isEmpty()) {
            jdbc.sql("SELECT id, village_id FROM registry_household WHERE id IN (:ids)").param("ids", householdIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return out;
    }

    /**
     * The responsible cadre one level above {@code current} along the chain, skipping levels without an active cadre;
     * the township office (no named cadre) when nothing above is available.
     */
    @Transactional(readOnly = true)
    public Responsible nextAbove(long householdId, Responsible.Level current) {
        Household h = households.findById(householdId).orElseThrow(() -> new HouseholdNotFoundException(householdId));
        for (Responsible.Level level : Responsible.Level.values()) {
            if (level.ordinal() <= current.ordinal()) {
                continue;
            }
            Optional<Long> cadre = switch (level) {
                case HELPER -> h.currentHelper().filter(this::active);
                case GROUP_CADRE -> groups.findById(h.groupId()).map(VillagerGroup::cadreId).filter(this::active);
                case VILLAGE_COMMITTEE -> cadres.findByVillageIdAndRoleAndActiveTrueOrderById(h.villageId(),
                        CadreRole.VILLAGE_COMMITTEE).stream().map(Cadre::id).findFirst();
                case INFO_OFFICER, TOWNSHIP -> Optional.empty();
            };
            if (cadre.isPresent() || level == Responsible.Level.TOWNSHIP) {
                return new Responsible(cadre.orElse(null), level);
            }
        }
        return new Responsible(null, Responsible.Level.TOWNSHIP);
    }

    /** Several households as the rules see them, in the order of their ids; missing ids are left out. */
    @Transactional(readOnly = true)
    public List<HouseholdSnapshot> snapshots(Collection<Long> householdIds) {
        return rulesInputs.load(householdIds);
    }

    /**
     * The same, with the ID numbers shared by more than one active household read once for a whole run
     * ({@link #sharedIdNumbers()}) instead of looked up for every page.
     */
    @Transactional(readOnly = true)
    public List<HouseholdSnapshot> snapshots(Collection<Long> householdIds,
                                             Set<String> sharedIdNumbers) {
        return rulesInputs.load(householdIds, sharedIdNumbers);
    }

    /** Every ID number that is a member of more than one active household (one person, one household: DQ-ID3). */
    @Transactional(readOnly = true)
    public Set<String> sharedIdNumbers() {
        return rulesInputs.sharedIdNumbers();
    }

    /** Ids of households after {@code afterId}, ascending, at most {@code limit}: for streaming every household. */
    @Transactional(readOnly = true)
    public List<Long> householdIdsAfter(long afterId, int limit) {
        return jdbc.sql("SELECT id FROM registry_household WHERE id > ? AND status = 'ACTIVE' ORDER BY id LIMIT "
                        + limit)
                .param(afterId).query(Long.class).list();
    }

    /** How many households the registry holds. */
    @Transactional(readOnly = true)
    public long householdCount() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE status = 'ACTIVE'").query(Long.class).single();
    }

    /**
     * The households of several members by ID number, in one query per call: each number (trimmed, upper case) that
     * belongs to a member maps to its household (the lowest id when several hold it); numbers of nobody are
     * absent. Callers send a few thousand numbers at most per call.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> householdsOfMembers(Collection<String> idNumbers) {
        Map<String, Long> out = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id_number, MIN(household_id) FROM registry_member WHERE id_number IN (:ids) "
                        + "GROUP BY id_number")
                .param("ids", idNumbers.stream().map(id -> id.trim().toUpperCase()).collect(Collectors.toSet()))
                .query(rs -> {
                    out.put(rs.getString(1).toUpperCase(), rs.getLong(2));
                });
        return out;
    }

    /** Whether a cadre exists. */
    @Transactional(readOnly = true)
    public boolean cadreExists(long cadreId) {
        return cadres.existsById(cadreId);
    }

    /**
     * Whether the viewer may see the household: everyone reading every village; a village's staff its households; a
     * cadre (帮扶干部) the households it helps or whose villager group it is stationed in.
     */
    @Transactional(readOnly = true)
    public boolean visible(Viewer v, long householdId) {
        if (v.readsAllVillages()) {
            return households.existsById(householdId);
        }
        if (v.isCadre()) {
            return v.cadreId() != null && jdbc.sql("SELECT COUNT(*) FROM registry_household h JOIN "
                    + "registry_villager_group g ON g.id = h.group_id WHERE h.id = ? AND (g.cadre_id = ? OR EXISTS "
                    + "(SELECT 1 FROM registry_helper_assignment a WHERE a.household_id = h.id AND a.end_date IS NULL "
                    + "AND a.cadre_id = ?))").params(householdId, v.cadreId(), v.cadreId()).query(Long.class)
                    .single() > 0;
        }
        return v.villageId() != null && jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE id = ? AND "
                + "village_id = ?").params(householdId, v.villageId()).query(Long.class).single() > 0;
    }

    /** The household if the viewer may see it; otherwise 404, exactly as for a household that does not exist. */
    public void requireVisible(Viewer v, long householdId) {
        if (!visible(v, householdId)) {
            throw new HouseholdNotFoundException(householdId);
        }
    }

    /** The village of a cadre, if the cadre exists. */
    @Transactional(readOnly = true)
    public Optional<Long> villageOfCadre(long cadreId) {
        return cadres.findById(cadreId).map(Cadre::villageId);
    }

    private boolean active(Long cadreId) {
        return cadreId != null && cadres.findById(cadreId).map(Cadre::active).orElse(false);
    }

    /** Labels of households (number, head's name, village and group) by id; unknown ids are left out. */
    public Map<Long, HouseholdLabel> labels(Collection<Long> householdIds) {
        Map<Long, HouseholdLabel> out = new HashMap<>();
        for (List<Long> chunk : chunks(householdIds)) {
            jdbc.sql("SELECT h.id, h.household_no, v.name, g.name, (SELECT MIN(m.name) FROM registry_member m "
                            + "WHERE m.household_id = h.id AND m.relation = '户主') FROM registry_household h "
                            + "JOIN registry_village v ON v.id = h.village_id "
                            + "JOIN registry_villager_group g ON g.id = h.group_id WHERE h.id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, i) -> new HouseholdLabel(rs.getLong(1), rs.getString(2), rs.getString(5),
                            rs.getString(3), rs.getString(4)))
                    .list().forEach(l -> out.put(l.householdId(), l));
        }
        return out;
    }

    /** Cadres' names by id; unknown ids are left out. */
    public Map<Long, String> cadreNames(Collection<Long> cadreIds) {
        Map<Long, String> out = new HashMap<>();
        for (List<Long> chunk : chunks(cadreIds)) {
            jdbc.sql("SELECT id, name FROM registry_cadre WHERE id IN (:ids)").param("ids", chunk)
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return out;
    }
}
