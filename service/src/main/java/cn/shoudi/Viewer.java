package cn.shoudi;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as the features need to know it to scope data: the role, and the cadre, village or department the
 * account is tied to. Features call {@link #current()}; work without a signed-in user (background evaluation,
 * scheduled escalation, start-up) runs as {@link #SYSTEM}.
 *
 * @param username   account name, for the audit trail
 * @param role       POLICY, LEADER, CADRE, INFO_OFFICER, DEPARTMENT, ADMIN, or SYSTEM
 * @param cadreId    the registry cadre (干部) the account is, for CADRE and INFO_OFFICER
 * @param villageId  the village the account works in; null for township-wide accounts
 * @param department the department (部门) a DEPARTMENT account posts signals for, e.g. 医保
 */
public record Viewer(String username, String role, Long cadreId, Long villageId, String department) {

    /** Background work: sees everything. */
    public static final Viewer SYSTEM = new Viewer("system", "SYSTEM", null, null, null);

    /** Implemented by the security feature's principal. */
    public interface Source {
        Viewer viewer();
    }

    /** The viewer of the current request, or {@link #SYSTEM} outside a signed-in request. */
    public static Viewer current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof Source s) {
            return s.viewer();
        }
        return SYSTEM;
    }

    /** Reads every village: leaders, policy staff, township-wide information officers, the system. */
    public boolean readsAllVillages() {
        return switch (role) {
            case "SYSTEM", "LEADER", "POLICY", "ADMIN" -> true;
            case "INFO_OFFICER" -> villageId == null;
            default -> false;
        };
    }

    /** Sees only the households it helps or whose villager group it is stationed in. */
    public boolean isCadre() {
        return "CADRE".equals(role);
    }

    /**
     * Refuses (403) a viewer limited to one village: villages, groups, cadres and township facts are kept by the
     * township's staff.
     */
    public void requireTownshipWide() {
        if (limitedToVillage() != null) {
            throw new org.springframework.security.access.AccessDeniedException("township-wide only");
        }
    }

    /** The village this viewer is limited to, or null when it reads every village (a cadre: its own village). */
    public Long limitedToVillage() {
        return readsAllVillages() ? null : villageId;
    }
}
