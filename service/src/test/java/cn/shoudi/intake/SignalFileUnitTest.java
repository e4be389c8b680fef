package cn.shoudi.intake;

import cn.shoudi.InvalidRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch file reader: JSON lines and tables by English or Chinese column names, values it cannot read. */
class SignalFileUnitTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsJsonLinesByLineNumberSkippingBlankLinesAndKeepingWhatItCannotRead() {
        String file = "\uFEFF{\"eventId\":\"YB-1\",\"kind\":\"住院自付\",\"amount\":3000.50,\"date\":\"2021-06-01\","
                + "\"idNumber\":\" 50024319650412001x \"}\n\n"
                + "{\"eventId\":\"YB-2\",\"amount\":\"many\",\"date\":\"June\",\"detail\":{\"a\":1}}\n"
                + "[1, 2]\n";

        List<SignalFile.Line> lines = SignalFile.read(SignalFile.Format.JSONL, file.getBytes(StandardCharsets.UTF_8),
                JSON, 10);

        assertThat(lines).extracting(SignalFile.Line::number).containsExactly(1, 3, 4);
        assertThat(lines.get(0).unreadable()).isEmpty();
        assertThat(lines.get(0).signal()).isEqualTo(new SignalService.Incoming(null, "YB-1", "住院自付",
                new BigDecimal("3000.50"), LocalDate.of(2021, 6, 1), "50024319650412001x", null));
        assertThat(lines.get(1).unreadable()).containsExactly(Map.entry("detail", "字段 detail 应为文字或数字"),
                Map.entry("amount", "金额“many”不是数字"), Map.entry("date", "事件日期“June”无效，应写成 2021-06-01"));
        assertThat(lines.get(2).signal()).isNull();
        assertThat(lines.get(2).unreadable()).containsExactly(Map.entry("line",
                "该行应为一个 JSON 对象，例如 {\"eventId\":\"YB-1\",…}"));
    }

    @Test
    void readsAGbkCsvByChineseColumnNamesInAnyOrderWithRowNumbers() {
        String csv = "身份证号,事件编号,信号类型,事件日期,金额,备注\n500243196504120011,YB-1,门诊自付,2021/06/01,\"1,200\",x\n,,,,,\n"
                + "500243196504120011,YB-2,门诊自付,2021-06-02,,\n";

        List<SignalFile.Line> lines = SignalFile.read(SignalFile.Format.CSV, csv.getBytes(Charset.forName("GBK")),
                JSON, 10);

        assertThat(lines).extracting(SignalFile.Line::number).containsExactly(2, 4);
        assertThat(lines.get(0).signal()).isEqualTo(new SignalService.Incoming(null, "YB-1", "门诊自付",
                new BigDecimal("1200"), LocalDate.of(2021, 6, 1), "500243196504120011", null));
        assertThat(lines.get(1).signal().amount()).isNull();
    }

    @Test
    void refusesAFileWithMoreRecordsThanTheLimit() {
        String file = "{\"eventId\":\"1\"}\n{\"eventId\":\"2\"}\n{\"eventId\":\"3\"}\n";
        assertThatThrownBy(() -> SignalFile.read(SignalFile.Format.JSONL, file.getBytes(StandardCharsets.UTF_8), JSON,
                2)).isInstanceOf(InvalidRequestException.class).hasMessage("一个批次最多 2 条记录，请把文件拆分后分批报送");
    }
}
