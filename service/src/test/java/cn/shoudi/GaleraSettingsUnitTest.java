package cn.shoudi;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GaleraSettingsUnitTest {

    private static final Map<String, String> SAFE_NODE = Map.of("wsrep_on", "ON",
            "wsrep_auto_increment_control", "OFF", "auto_increment_increment", "3", "binlog_format", "ROW",
            "innodb_autoinc_lock_mode", "2");

    @Test
    void acceptsANodeWithFixedAutoIncrementStepsRowBinlogAndInterleavedAutoIncrementLocks() {
        assertThat(GaleraSettings.problems(SAFE_NODE)).isEmpty();
    }

    @Test
    void refusesANodeWhoseAutoIncrementStepFollowsTheClusterSize() {
        Map<String, String> node = new HashMap<>(SAFE_NODE);
        node.put("wsrep_auto_increment_control", "ON");

        assertThat(GaleraSettings.problems(node)).singleElement().asString()
                .contains("wsrep_auto_increment_control is ON", "auto_increment_offset");
    }

    @Test
    void namesEverySettingGaleraNeedsThatIsWrong() {
        Map<String, String> node = Map.of("wsrep_on", "ON", "wsrep_auto_increment_control", "OFF",
                "binlog_format", "MIXED", "innodb_autoinc_lock_mode", "1");

        assertThat(GaleraSettings.problems(node)).hasSize(2).anySatisfy(p -> assertThat(p).contains("ROW"))
                .anySatisfy(p -> assertThat(p).contains("innodb_autoinc_lock_mode is 1"));
    }

    @Test
    void checksNothingOnAServerThatIsNotAGaleraNode() {
        assertThat(GaleraSettings.problems(Map.of("wsrep_on", "OFF", "binlog_format", "MIXED"))).isEmpty();
        assertThat(GaleraSettings.problems(Map.of())).isEmpty();
    }
}
