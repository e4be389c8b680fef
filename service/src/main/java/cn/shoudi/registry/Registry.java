package cn.shoudi.registry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * What other features may ask of the registry: a household as the rules see it, and who is responsible for it.
 */
@Service
public class Registry {

    private final Households households;
    private final VillagerGroups groups;
    private final Cadres cadres;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Registry(Households households, VillagerGroups groups, Cadres cadres,
             org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.households = households;
        this.groups = groups;
        this.cadres = cadres;
    }

    /** The household's current data as the rules' input, or empty when it does not exist. */
    @Transactional(readOnly = true)
    public Optional<HouseholdSnapshot> snapshot(long householdId) {
        return households.findById(householdId).filter(Household::active).map(h -> new HouseholdSnapshot(h.id(),
                h.householdNo(), h.version(), h.villageId(),
                h.groupId(), h.toRulesInput()));
    }

    /**
     * The responsible cadre along the chain 帮扶责任人 → 驻组干部 → 村两委 → 乡镇; inactive cadres are skipped.
     */
    @Transactional(readOnly = true)
    public Responsible responsibleFor(long householdId) {
        Household h = households.findById(householdId).orElseThrow(() -> new HouseholdNotFoundException(householdId));
        Optional<Long> helper = h.currentHelper().filter(this::active);
        if (helper.isPresent()) {
            return new Responsible(helper.get(), Responsible.Level.HELPER);
        }
        Optional<Long> groupCadre = groups.findById(h.groupId()).map(VillagerGroup::cadreId).filter(this::active);
        if (groupCadre.isPresent()) {
            return new Responsible(groupCadre.get(), Responsible.Level.GROUP_CADRE);
        }
        List<Cadre> committee = cadres.findByVillageIdAndRoleAndActiveTrueOrderById(h.villageId(),
                CadreRole.VILLAGE_COMMITTEE);
        if (!committee.isEmpty()) {
            return new Responsible(committee.get(0).id(), Responsible.Level.VILLAGE_COMMITTEE);
        }
        return new Responsible(null, Responsible.Level.TOWNSHIP);
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
    public List<HouseholdSnapshot> snapshots(java.util.Collection<Long> householdIds) {
        return households.findAllById(householdIds).stream().filter(Household::active)
                .sorted(java.util.Comparator.comparing(Household::id))
                .map(h -> new HouseholdSnapshot(h.id(), h.householdNo(), h.version(), h.villageId(), h.groupId(),
                        h.toRulesInput())).toList();
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

    /** The household a member with this ID number belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> householdOfMember(String idNumber) {
        return jdbc.sql("SELECT household_id FROM registry_member WHERE id_number = ? ORDER BY household_id LIMIT 1")
                .param(idNumber.trim().toUpperCase()).query(Long.class).optional();
    }

    /**
     * Who fixes the household's registry data: the village's information officer (扶贫信息员), else the usual chain.
     */
    @Transactional(readOnly = true)
    public Responsible informationOfficerFor(long householdId) {
        Household h = households.findById(householdId).orElseThrow(() -> new HouseholdNotFoundException(householdId));
        List<Cadre> officers = cadres.findByVillageIdAndRoleAndActiveTrueOrderById(h.villageId(),
                CadreRole.INFO_OFFICER);
        return officers.isEmpty() ? responsibleFor(householdId)
                : new Responsible(officers.get(0).id(), Responsible.Level.INFO_OFFICER);
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
    public boolean visible(cn.shoudi.Viewer v, long householdId) {
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
    public void requireVisible(cn.shoudi.Viewer v, long householdId) {
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
}
