package cn.shoudi.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and amounts as Chinese readers write them, for the templates ({@code ${@zh.date(d)}}, {@code ${@zh.time(t)}},
 * {@code ${@zh.yuan(n)}}): 2026年12月8日, 2026年12月8日 14:05 (Beijing time) and 4,500.00 元. A value the templates get from JSON (a date as text, a number of any type) is
 * accepted as it comes; anything that is not a date or a number is shown as it is.
 */
@Component("zh")
public class ChineseFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** 2026年12月8日; empty for null. */
    public String date(Object value) {
        if (value == null) {
            return "";
        }
        try {
            LocalDate d = value instanceof LocalDate l ? l : LocalDate.parse(value.toString().substring(0, 10));
            return DAY.format(d);
        } catch (RuntimeException e) {
            return value.toString();
        }
    }

    /** 2026年12月8日 14:05, Beijing time; empty for null. */
    public String time(Instant value) {
        return value == null ? "" : TIME.format(value.atZone(BEIJING));
    }

    /** 4,500.00 元; empty for null. */
    public String yuan(Object value) {
        if (value == null) {
            return "";
        }
        try {
            BigDecimal n = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
            DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.SIMPLIFIED_CHINESE));
            return f.format(n) + " 元";
        } catch (NumberFormatException e) {
            return value.toString();
        }
    }
}
