package cn.shoudi.demo;

import cn.shoudi.assessment.ReEvaluation;
import cn.shoudi.registry.TownshipData;
import cn.shoudi.registry.TownshipLoader;
import cn.shoudi.reporting.TownshipFacts;
import cn.shoudi.security.AccountService;
import cn.shoudi.security.ApiKeyService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads 联合乡 on the first start of the demo run (when its township code is not stored yet), with its 2019 statuses as
 * recorded decisions and its 2019 township facts, before the service reports ready; then, in the background, creates
 * one demo account per role, plays a short 2020–2021 monitoring history of a few households ({@link DemoHistory}) and
 * starts a full re-evaluation so that its proposals, alerts and tasks appear within seconds. A township already stored
 * is left alone.
 */
@Component
@ConditionalOnProperty(name = "shoudi.demo.enabled", havingValue = "true")
@Order(1)
class DemoTownship implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTownship.class);

    private final TownshipLoader loader;
    private final TownshipFacts facts;
    private final ReEvaluation reEvaluation;
    private final AccountService accounts;
    private final ApiKeyService keys;
    private final DemoHistory history;
    private final JdbcClient jdbc;
    private final String demoPassword;

    DemoTownship(TownshipLoader loader, TownshipFacts facts, ReEvaluation reEvaluation, AccountService accounts,
                 ApiKeyService keys, DemoHistory history, JdbcClient jdbc,
                 @Value("${shoudi.security.demo-password:shoudi-demo-2019}") String demoPassword) {
        this.history = history;
        this.loader = loader;
        this.facts = facts;
        this.reEvaluation = reEvaluation;
        this.accounts = accounts;
        this.keys = keys;
        this.jdbc = jdbc;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loader.townshipId(TownshipGenerator.CODE).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        TownshipData township = TownshipGenerator.lianhe();
        TownshipLoader.Result result = loader.load(township);
        if (!result.created()) {
            return;
        }
        facts.replace(result.townshipId(), TownshipGenerator.AS_OF.getYear(), SeedFacts.lianhe2019());
        log.info("demo township {} generated and stored in {} ms (seed {}); evaluating it now", township.name(),
                (System.nanoTime() - started) / 1_000_000, TownshipGenerator.SEED);
        long firstVillage = jdbc.sql("SELECT MIN(id) FROM registry_village WHERE township_id = ?")
                .param(result.townshipId()).query(Long.class).single();
        // the township is stored: the service is ready; the accounts, the played history and the first evaluation
        // (which follows the history) go on in the background, their progress at /api/assessment-runs
        Thread rest = new Thread(() -> {
            try {
                DemoAccounts.create(accounts, keys, result.cadreIds(), firstVillage, demoPassword);
                history.play(township, result.cadreIds());
                reEvaluation.start("载入演示乡镇" + township.name());
            } catch (RuntimeException e) {
                log.error("demo township {}: accounts, history or first evaluation failed", township.name(), e);
            }
        }, "demo-township");
        rest.setDaemon(true);
        rest.start();
    }
}
