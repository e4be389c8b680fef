package cn.shoudi.monitoring;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookChannelUnitTest {

    private static WebhookChannel channel(String url) {
        return new WebhookChannel(new NotificationProperties(url, 0, null, 0, null, null, 0), JsonMapper.builder().build());
    }

    @Test
    void aReceiverThatIsNotListeningIsAFailedAttemptNotAnError() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> channel("http://127.0.0.1:" + port + "/robot").send("测试"))
                .isInstanceOf(NotificationChannel.NotificationFailedException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void theRobotGetsTheTextMessageShapeOfWeComAndDingTalk() {
        RobotReceiver robot = RobotReceiver.start();
        channel(robot.url()).send("【防返贫监测】测试 \"引号\"\n第二行");
        assertThat(robot.accepted()).hasSize(1);
        assertThat(robot.accepted().get(0))
                .isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"【防返贫监测】测试 \\\"引号\\\"\\n第二行\"}}");
    }

    @Test
    void waitsDoubleAfterEachFailureUpToTheLongest() {
        NotificationProperties p = new NotificationProperties("x", 0, null, 0, Duration.ofSeconds(10),
                Duration.ofMinutes(1), 0);
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.backoff(30)).isEqualTo(Duration.ofMinutes(1));
    }
}
