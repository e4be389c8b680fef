package cn.shoudi.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the published policy's workbooks are read from at start-up.
 *
 * @param location a Spring resource location of a folder, e.g. classpath:policy/ or file:decision-tables/
 */
@ConfigurationProperties("shoudi.policy")
record PolicyProperties(String location) {
}
