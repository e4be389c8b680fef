package cn.shoudi.bench.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("galera")
class GaleraSmokeTest {

    @Test
    void startsKillsAndRestarts() throws Exception {
        long t0 = System.nanoTime();
        try (GaleraCluster c = GaleraCluster.start()) {
            System.out.printf("started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            c.sql(1, "CREATE DATABASE s", "CREATE TABLE s.t (id BIGINT PRIMARY KEY)", "INSERT INTO s.t VALUES (1)");
            c.kill(3);
            c.sql(2, "INSERT INTO s.t VALUES (2)");
            long t1 = System.nanoTime();
            c.restart(3);
            System.out.printf("rejoined in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            try (Connection k = c.connect(3, "s"); ResultSet rs = k.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }
}
