package cn.shoudi.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseFormatsUnitTest {

    private final ChineseFormats zh = new ChineseFormats();

    @Test
    void datesAsChineseReadersWriteThemFromADateOrItsJsonText() {
        assertThat(zh.date(LocalDate.of(2026, 12, 8))).isEqualTo("2026年12月8日");
        assertThat(zh.date("2021-01-05")).isEqualTo("2021年1月5日");
        assertThat(zh.date("2021-01-05T08:00:00Z")).isEqualTo("2021年1月5日");
        assertThat(zh.date(null)).isEmpty();
        assertThat(zh.date("未填")).isEqualTo("未填");
    }

    @Test
    void amountsWithThousandsSeparatorsTwoDecimalsAndTheUnit() {
        assertThat(zh.yuan(new BigDecimal("4500"))).isEqualTo("4,500.00 元");
        assertThat(zh.yuan(1234567.891)).isEqualTo("1,234,567.89 元");
        assertThat(zh.yuan("-20.5")).isEqualTo("-20.50 元");
        assertThat(zh.yuan(null)).isEmpty();
        assertThat(zh.yuan("无")).isEqualTo("无");
    }
}
