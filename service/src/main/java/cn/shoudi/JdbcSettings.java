package cn.shoudi;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC writes identifiers unquoted, so the same lower-case migrations serve MySQL, MariaDB and H2
 * (which folds unquoted names to upper case). MySQL Connector/J rewrites JDBC batches of inserts into multi-row
 * {@code INSERT}s (one round trip for a batch instead of one per row) unless the URL sets
 * {@code rewriteBatchedStatements} itself: full re-evaluations, task reconciliation and township loads write in
 * batches and depend on it.
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

    @Bean
    static BeanPostProcessor batchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof com.zaxxer.hikari.HikariDataSource ds && rewritesBatches(ds.getJdbcUrl())) {
                    ds.addDataSourceProperty(REWRITE_BATCHES, "true");
                }
                return bean;
            }
        };
    }

    /** A MySQL or MariaDB URL through Connector/J that does not set the property itself. */
    static boolean rewritesBatches(String url) {
        return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))
                && !url.contains(REWRITE_BATCHES + "=");
    }
}
