package cn.shoudi.demo;

/** The kinds of household the generator makes, each with an exact count from the seed report. */
enum Kind {
    /** 未脱贫户: registered, not exited; the exit table must keep each one. */
    REMAINING("未脱贫户", true),
    /** 脱贫户 that exited in 2019. */
    EXITED_2019("脱贫户", true),
    /** 脱贫户 from the 脱贫不稳定户 摸底 list: the monitoring table's M-1 finds them. */
    UNSTABLE("脱贫户", true),
    /** 脱贫户 moved by 易地扶贫搬迁 in 2016–2017. */
    RELOCATED_EARLY("脱贫户", true),
    /** 脱贫户 moved by 易地扶贫搬迁 in 2018–2019. */
    RELOCATED_LATE("脱贫户", true),
    /** Other 脱贫户 (exited 2015–2018). */
    EXITED("脱贫户", true),
    /** 一般农户 from the 边缘户 摸底 list: the monitoring table's M-2 finds them. */
    EDGE("一般农户", false),
    /** Other 一般农户. */
    ORDINARY("一般农户", false);

    final String householdClass;
    final boolean registered;

    Kind(String householdClass, boolean registered) {
        this.householdClass = householdClass;
        this.registered = registered;
    }

    boolean exited() {
        return registered && this != REMAINING;
    }
}
