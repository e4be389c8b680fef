package cn.shoudi.rules.facts;

/** The value type of a catalogue fact, with the Java type its values take. */
public enum FactType {
    /** 是/否, {@link Boolean}. */
    BOOLEAN("是/否"),
    /** A whole number, {@link Integer}. */
    INTEGER("整数"),
    /** A decimal number (money, percentages), {@link java.math.BigDecimal}. */
    DECIMAL("数字"),
    /** A calendar date, {@link java.time.LocalDate}. */
    DATE("日期"),
    /** One of the allowed values, {@link String}. */
    CHOICE("单选"),
    /** Several of the allowed values, a {@code List<String>}. */
    CHOICES("多选"),
    /** Free text, {@link String}. */
    TEXT("文本");

    private final String label;

    FactType(String label) {
        this.label = label;
    }

    /** Chinese name of the type, for forms and templates. */
    public String label() {
        return label;
    }
}
