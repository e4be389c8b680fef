/**
 * Registry (户籍台账): villages (行政村), villager groups (村民小组), cadres (干部), households (户) with their members
 * (家庭成员) and helper assignments (帮扶关系). Every write publishes {@link cn.shoudi.registry.HouseholdChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package cn.shoudi.registry;
