package cn.shoudi.intake;

/** What became of one record of a department batch. */
enum RecordStatus {

    /** 新增: stored and matched to a household, which is evaluated with it. */
    NEW("新增"),
    /** 未匹配: stored, but its ID number matched no member; it waits in the review queue. */
    UNMATCHED("未匹配"),
    /** 重复: its event id was received before (or earlier in the same file); nothing stored. */
    DUPLICATE("重复"),
    /** 无效: it failed validation; nothing stored. */
    INVALID("无效");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
