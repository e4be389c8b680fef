package cn.shoudi.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of policy management.
 *
 * @param allowSelfApproval a one-person office may approve its own uploads (maker-checker off)
 */
@ConfigurationProperties("shoudi.policy.versions")
record PolicyProperties(boolean allowSelfApproval) {
}
