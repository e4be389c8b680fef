package cn.shoudi.demo;

import cn.shoudi.security.AccountService;
import cn.shoudi.security.AccountService.AccountData;
import cn.shoudi.security.ApiKeyService;
import cn.shoudi.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** One demo account per role, tied to 联合乡's cadres and 龙池村, created with the demo township. */
final class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    /** The cadre key of {@code ganbu}, the demo 帮扶干部: the first helper of 龙池村. */
    static final String CADRE_KEY = TownshipGenerator.CODE + "201-H0";

    private DemoAccounts() {
    }

    /** Creates the accounts and logs how to sign in; the department account's API key is logged too. */
    static void create(AccountService accounts, ApiKeyService keys, Map<String, Long> cadreIds, long firstVillageId, String password) {
        String village = TownshipGenerator.CODE + "201";
        List<AccountData> demo = List.of(
                new AccountData("zhengce", password, "政策股演示账号", Role.POLICY, null, null, null, true),
                new AccountData("shenhe", password, "政策股审核演示账号", Role.POLICY, null, null, null, true),
                new AccountData("lingdao", password, "乡镇领导演示账号", Role.LEADER, null, null, null, true),
                new AccountData("ganbu", password, "帮扶干部演示账号", Role.CADRE, cadreIds.get(CADRE_KEY), null,
                        null, true),
                new AccountData("xinxiyuan", password, "龙池村扶贫信息员", Role.INFO_OFFICER,
                        cadreIds.get(village + "-INFO"), firstVillageId, null, true),
                new AccountData("xiangxinxiyuan", password, "乡扶贫信息员", Role.INFO_OFFICER, cadreIds.get("T-INFO-1"),
                        null, null, true),
                new AccountData("yibao", password, "医保局数据接口", Role.DEPARTMENT, null, null, "医保", true));
        StringBuilder how = new StringBuilder("demo accounts (password '" + password + "'):");
        for (AccountData d : demo) {
            if (accounts.exists(d.username())) {
                continue;
            }
            AccountService.AccountView v = accounts.create(d);
            how.append("\n  ").append(d.username()).append(" — ").append(d.role().label());
            if (d.role() == Role.DEPARTMENT) {
                how.append(", API key (header X-Api-Key): ").append(keys.issue(v.id(),
                        new ApiKeyService.NewKey("演示密钥", null)).apiKey());
            }
        }
        log.info("{}\n  sign in at http://localhost:8080/login, or call the API with HTTP Basic (curl -u zhengce:…)",
                how);
    }
}
