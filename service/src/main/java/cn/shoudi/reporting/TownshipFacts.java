package cn.shoudi.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Stores the township facts of a year: replaced as a whole, read in entry order. */
@Service
public class TownshipFacts {

    private final JdbcClient jdbc;

    TownshipFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every fact of the township for the year. */
    @Transactional
    public void replace(long townshipId, int year, List<TownshipFact> facts) {
        jdbc.sql("DELETE FROM reporting_township_fact WHERE township_id = ? AND fact_year = ?")
                .params(townshipId, year).update();
        for (TownshipFact f : facts) {
            jdbc.sql("INSERT INTO reporting_township_fact (township_id, fact_year, code, section, label, amount, unit, "
                            + "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(townshipId, year, f.code(), f.section(), f.label(), f.amount(), f.unit(), f.source())
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<TownshipFact> find(long townshipId, int year) {
        return jdbc.sql("SELECT section, code, label, amount, unit, source FROM reporting_township_fact "
                        + "WHERE township_id = ? AND fact_year = ? ORDER BY id")
                .params(townshipId, year)
                .query((rs, i) -> new TownshipFact(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6))).list();
    }
}
