package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * One membership change of a household (成员变动).
 *
 * @param type     BIRTH, DEATH, MARRY_IN, MARRY_OUT, MOVE_AWAY or MOVE_BACK (or the Chinese label: 出生、死亡、婚入、婚出、
 *                 迁出、迁回)
 * @param member   the joining member (BIRTH, MARRY_IN, MOVE_BACK)
 * @param memberId ID number, or name when there is none, of the leaving member (DEATH, MARRY_OUT, MOVE_AWAY)
 * @param version  the household version the client read, optional
 */
@Schema(name = "MemberChange")
public record MemberChange(String type, MemberData member, String memberId, LocalDate date, String note, Long version) {
}
