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

    private boolean active(Long cadreId) {
        return cadreId != null && cadres.findById(cadreId).map(Cadre::active).orElse(false);
    }
}
