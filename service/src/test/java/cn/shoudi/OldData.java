package cn.shoudi;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Registry rows written the way older data arrived (a township bulk load, a migration): no validation, no event. */
public final class OldData {

    private OldData() {
    }

    /** A 一般农户 holding these ID numbers, the first person its head; returns its id. */
    public static long household(JdbcClient jdbc, TestTownship town, String householdNo, List<String> idNumbers) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO registry_household (household_no, village_id, group_id, household_class, net_income, "
                        + "rigid_expenditure, previous_year_net_income, risk_types, self_coping, guarantee_issue, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'GENERAL', 30000, 0, 30000, '', TRUE, FALSE, 0, ?, ?)")
                .params(householdNo, town.villageId, town.groupId, now, now).update();
        long id = jdbc.sql("SELECT id FROM registry_household WHERE household_no = ?").param(householdNo)
                .query(Long.class).single();
        for (int i = 0; i < idNumbers.size(); i++) {
            String number = idNumbers.get(i);
            jdbc.sql("INSERT INTO registry_member (household_id, position, name, id_number, sex, birth_date, relation) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, i, i == 0 ? "冉老汉" : "冉家成员" + i, number,
                            (number.charAt(16) - '0') % 2 == 1 ? "男" : "女", LocalDate.parse(TestIds.birthDate(number)),
                            i == 0 ? "户主" : "家庭成员")
                    .update();
        }
        return id;
    }
}
