package cn.shoudi;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

import java.util.Map;

/**
 * Spring Data JDBC writes identifiers unquoted, so the same lower-case migrations serve MySQL, MariaDB and H2
 * (which folds unquoted names to upper case). MySQL Connector/J gets, unless the URL sets them itself:
 * {@code rewriteBatchedStatements} (JDBC batches of inserts become multi-row {@code INSERT}s, one round trip for a
 * batch: full re-evaluations, task reconciliation and township loads depend on it); {@code cachePrepStmts} with room
 * for every statement the service runs (otherwise the driver parses each statement's text again on every call, which
 * took a sixth of the CPU of a household registered through the API); and {@code useLocalSessionState} (no round trip
 * to set auto-commit or read-only to what the connection already has). These are HikariCP's recommended settings for
 * MySQL.
 */
@Configuration(proxyBeanMethods = false)
class JdbcSettings {

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }

    static final String REWRITE_BATCHES = "rewriteBatchedStatements";
    static final Map<String, String> CONNECTOR_J = Map.of(REWRITE_BATCHES, "true", "cachePrepStmts", "true",
            "prepStmtCacheSize", "500", "prepStmtCacheSqlLimit", "4096", "useLocalSessionState", "true");

    @Bean
    static BeanPostProcessor batchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds && connectorJ(ds.getJdbcUrl())) {
                    CONNECTOR_J.forEach((key, value) -> {
                        if (!ds.getJdbcUrl().contains(key + "=")) {
                            ds.addDataSourceProperty(key, value);
                        }
                    });
                }
                return bean;
            }
        };
    }

    /** A MySQL or MariaDB URL through Connector/J. */
    static boolean connectorJ(String url) {
        return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
    }
}
