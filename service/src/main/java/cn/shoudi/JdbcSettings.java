package cn.shoudi;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC writes identifiers unquoted, so the same lower-case migrations serve MySQL, MariaDB and H2
 * (which folds unquoted names to upper case).
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
}
