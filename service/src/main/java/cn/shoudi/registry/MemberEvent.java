package cn.shoudi.registry;

import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a household's membership (成员变动), kept as history inside the household aggregate.
 *
 * @param type               BIRTH, DEATH, MARRY_IN, MARRY_OUT, MOVE_AWAY, MOVE_BACK, SPLIT_OUT, SPLIT_IN, MERGE_OUT,
 *                           MERGE_IN
 * @param relatedHouseholdId the other household of a split or merge
 */
@Table("registry_member_event")
record MemberEvent(String type, String memberName, String memberIdNumber, LocalDate eventDate, Long relatedHouseholdId,
                   String note, Instant recordedAt) {

    /** The kinds of event a client may record on one household; splits and merges have their own calls. */
    enum Kind {
        BIRTH("出生", true), DEATH("死亡", false), MARRY_IN("婚入", true), MARRY_OUT("婚出", false),
        MOVE_AWAY("迁出", false), MOVE_BACK("迁回", true);

        final String label;
        final boolean joins;

        Kind(String label, boolean joins) {
            this.label = label;
            this.joins = joins;
        }
    }
}
