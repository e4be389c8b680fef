package cn.shoudi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's hash chain on the real database: entries are sealed in id order, the verification recomputes the
 * chain and finds an entry changed, an entry removed from the middle and one removed from the end, and the
 * administrator reads the verification over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.security.audit-seal-grace=PT0S", "shoudi.security.audit-seal-interval=PT1H"})
class AuditChainIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChain chain;

    @Test
    void aSealedEntryChangedOrRemovedBreaksTheChainAtThatPlaceAndRestoringItMendsIt() {
        List<Long> ids = record(5);
        sealAll();
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(hashOf(id)).hasSize(64));
        AuditChain.Verification before = chain.verify();
        assertThat(before.intact()).as(before.problem()).isTrue();
        assertThat(before.checked()).isGreaterThanOrEqualTo(5);
        assertThat(before.sealedUpTo()).isGreaterThanOrEqualTo(ids.get(4));

        long changed = ids.get(2);
        String detail = jdbc.sql("SELECT detail FROM security_audit WHERE id = ?").param(changed).query(String.class)
                .single();
        jdbc.sql("UPDATE security_audit SET detail = '改过的内容' WHERE id = ?").param(changed).update();
        AuditChain.Verification afterChange = chain.verify();
        assertThat(afterChange.intact()).isFalse();
        assertThat(afterChange.firstBroken()).isEqualTo(changed);
        assertThat(afterChange.problem()).contains("第 " + changed + " 条").contains("被改动");
        jdbc.sql("UPDATE security_audit SET detail = ? WHERE id = ?").params(detail, changed).update();
        assertThat(chain.verify().intact()).isTrue();

        Map<String, Object> removed = row(changed);
        jdbc.sql("DELETE FROM security_audit WHERE id = ?").param(changed).update();
        AuditChain.Verification afterRemoval = chain.verify();
        assertThat(afterRemoval.intact()).isFalse();
        assertThat(afterRemoval.firstBroken()).isEqualTo(ids.get(3));
        restore(removed);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void removingTheLastSealedEntryIsFoundAtTheHead() {
        record(2);
        sealAll();
        long last = chain.verify().sealedUpTo();
        Map<String, Object> removed = row(last);
        jdbc.sql("DELETE FROM security_audit WHERE id = ?").param(last).update();
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isNull();
        assertThat(v.problem()).contains("封存后的审计记录被删除");
        restore(removed);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void newEntriesWaitAboveTheHeadUntilSealedAndTheAdministratorReadsTheVerification() {
        sealAll();
        record(3);
        assertThat(chain.verify().pending()).isGreaterThanOrEqualTo(3);
        sealAll();
        ApiClient admin = new ApiClient(port, jdbc).asRole("ADMIN", "admin");
        Map<String, Object> v = admin.get("/api/admin/audit/verification");
        assertThat(v).containsEntry("intact", true).containsEntry("unsealed", 0);
        assertThat(((Number) v.get("checked")).longValue()).isPositive();
        assertThat((String) v.get("headHash")).hasSize(64);
    }

    private List<Long> record(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String target = "/api/chain-test/" + System.nanoTime();
            trail.record("t-chain", "ADMIN", AuditTrail.Action.WRITE, target, "200", "第 " + i + " 条", "127.0.0.1");
            ids.add(jdbc.sql("SELECT id FROM security_audit WHERE target = ?").param(target).query(Long.class)
                    .single());
        }
        return ids;
    }

    private void sealAll() {
        chain.seal();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE chain_hash IS NULL AND id <= "
                + "(SELECT last_id FROM security_audit_seal WHERE id = 1)").query(Long.class).single()).isZero();
    }

    private String hashOf(long id) {
        return jdbc.sql("SELECT chain_hash FROM security_audit WHERE id = ?").param(id).query(String.class).single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM security_audit WHERE id = ?").param(id).query().singleRow();
    }

    private void restore(Map<String, Object> row) {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        row.forEach((k, v) -> {
            columns.add(k);
            values.add(v);
        });
        jdbc.sql("INSERT INTO security_audit (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")").params(values).update();
    }
}
