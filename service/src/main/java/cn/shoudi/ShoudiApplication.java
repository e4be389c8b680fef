package cn.shoudi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * shoudi (守底): households change, the published policy evaluates them, explained assessments are stored and
 * monitoring tasks go to the responsible cadre.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
@ConfigurationPropertiesScan
public class ShoudiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShoudiApplication.class, args);
    }

    /** Time is UTC everywhere; tests may replace this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
