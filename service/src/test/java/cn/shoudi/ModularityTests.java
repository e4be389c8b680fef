package cn.shoudi;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the feature modules' dependencies one-way and their internals private. The rules-engine library
 * ({@code cn.shoudi.rules}) is a separate artifact, not a module of the application.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ShoudiApplication.class,
            JavaClass.Predicates.resideInAPackage("cn.shoudi.rules.."));

    @Test
    void featureModulesOnlyUseEachOthersPublicApiWithoutCycles() {
        MODULES.verify();
    }
}
