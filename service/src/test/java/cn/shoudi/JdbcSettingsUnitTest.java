package cn.shoudi;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcSettingsUnitTest {

    private static HikariDataSource processed(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        JdbcSettings.batchedInserts().postProcessBeforeInitialization(ds, "dataSource");
        return ds;
    }

    @Test
    void mysqlAndMariadbUrlsGetMultiRowBatchInserts() {
        assertThat(processed("jdbc:mysql://db:3306/shoudi?connectionTimeZone=UTC").getDataSourceProperties())
                .containsEntry("rewriteBatchedStatements", "true");
        assertThat(processed("jdbc:mariadb://db:3306/shoudi").getDataSourceProperties())
                .containsEntry("rewriteBatchedStatements", "true");
    }

    @Test
    void mysqlUrlsGetTheirParsedStatementsCachedAndNoRoundTripsForSessionStateTheyHave() {
        assertThat(processed("jdbc:mysql://db:3306/shoudi?connectionTimeZone=UTC").getDataSourceProperties())
                .containsEntry("cachePrepStmts", "true").containsEntry("prepStmtCacheSize", "500")
                .containsEntry("prepStmtCacheSqlLimit", "4096").containsEntry("useLocalSessionState", "true");
    }

    @Test
    void anExplicitSettingInTheUrlAndOtherDatabasesAreLeftAlone() {
        assertThat(processed("jdbc:mysql://db/shoudi?rewriteBatchedStatements=false").getDataSourceProperties())
                .doesNotContainKey("rewriteBatchedStatements").containsEntry("cachePrepStmts", "true");
        assertThat(processed("jdbc:mysql://db/shoudi?cachePrepStmts=false").getDataSourceProperties())
                .doesNotContainKey("cachePrepStmts").containsEntry("rewriteBatchedStatements", "true");
        assertThat(processed("jdbc:h2:mem:shoudi;MODE=MySQL").getDataSourceProperties()).isEmpty();
    }
}
