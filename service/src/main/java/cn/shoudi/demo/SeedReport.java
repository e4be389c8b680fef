package cn.shoudi.demo;

/**
 * The figures of 联合乡's 2019 poverty-alleviation work report (see {@code domain.md}, "The seed report's figures")
 * that the generated township reproduces. Each constant is a figure of the report; the generator builds the registry
 * so that the report computed from it — and, for statuses, the default decision tables evaluated on it — gives them.
 */
final class SeedReport {

    static final int HOUSEHOLDS = 3389, PEOPLE = 14256;
    static final int REGISTERED_HOUSEHOLDS = 776, REGISTERED_PEOPLE = 3189;
    static final int EXITED_HOUSEHOLDS = 747, EXITED_PEOPLE = 3069;
    static final int EXITED_2019_HOUSEHOLDS = 57, EXITED_2019_PEOPLE = 227;
    static final int REMAINING_HOUSEHOLDS = 29, REMAINING_PEOPLE = 120;
    static final int UNSTABLE_HOUSEHOLDS = 16, UNSTABLE_PEOPLE = 54;
    static final int EDGE_HOUSEHOLDS = 14, EDGE_PEOPLE = 46;
    static final int ALLOWANCE_HOUSEHOLDS = 267, ALLOWANCE_PEOPLE = 606;
    static final int CHILDREN = 2269, CHILDREN_REGISTERED = 595;
    static final int AID_PRESCHOOL = 78, AID_COMPULSORY = 579, AID_HIGH_SCHOOL = 67;
    static final int APPRAISED_BUILDINGS = 3150, APPRAISED_HOUSEHOLDS = 3012;
    static final int GRADE_A = 2090, GRADE_B = 438, GRADE_C = 22, GRADE_D = 16, PRODUCTION = 151, IDLE = 295;
    static final int RELOCATED_HOUSEHOLDS = 73, RELOCATED_PEOPLE = 312;
    static final int RELOCATED_2018_19_HOUSEHOLDS = 11, RELOCATED_2018_19_PEOPLE = 52;
    static final int WATER_POINTS = 183;
    static final long WATER_INVESTMENT = 11_667_000;
    static final int WATER_HOUSEHOLDS = 2775, WATER_PEOPLE = 12905;
    static final int WATER_REGISTERED_HOUSEHOLDS = 680, WATER_REGISTERED_PEOPLE = 2815;
    static final int PUBLIC_WELFARE_JOBS = 58;
    static final int CHRONIC_CARDS = 44;
    static final int LIVING_UPGRADES = 253, TOILETS = 50, KITCHENS = 64, D_SUPPORT = 47;

    /** 2019 unsafe-housing fixes (危房改造), 85 in all, by method. */
    static final Object[][] HOUSING_FIXES = {{"C级危房改造", 2}, {"D级危房改造", 1}, {"D级危房专项资金改造", 9},
            {"拆除重建", 10}, {"易地扶贫搬迁", 3}, {"维修加固", 49}, {"随子女居住", 5}, {"自建", 6}};

    /** Industries (产业): name, households, of which registered poor, total scale, unit. */
    static final Object[][] INDUSTRIES = {{"烤烟", 34, 10, 870, "亩"}, {"中药材", 61, 37, 302, "亩"},
            {"中蜂", 68, 38, 645, "群"}, {"生猪", 1940, 472, 6500, "头"}, {"山羊", 18, 7, 1200, "只"},
            {"红薯", 1948, 480, 4000, "亩"}};
    static final int ORDER_HELP_HOUSEHOLDS = 87, DIVIDEND_HOUSEHOLDS = 417;

    private SeedReport() {
    }
}
