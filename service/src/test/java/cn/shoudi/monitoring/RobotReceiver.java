package cn.shoudi.monitoring;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for a group robot's webhook: records every body it accepts and answers as 企业微信 does
 * ({@code {"errcode":0,"errmsg":"ok"}}); while down it answers 503, or the errcode a refusing robot gives.
 */
final class RobotReceiver {

    private final HttpServer server;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private volatile int downStatus;
    private volatile boolean rateLimited;

    private RobotReceiver(HttpServer server) {
        this.server = server;
    }

    static RobotReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RobotReceiver r = new RobotReceiver(server);
            server.createContext("/cgi-bin/webhook/send", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = r.downStatus != 0 ? r.downStatus : 200;
                String answer = r.rateLimited ? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"
                        : "{\"errcode\":0,\"errmsg\":\"ok\"}";
                if (status == 200 && !r.rateLimited) {
                    r.accepted.add(body);
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=test";
    }

    List<String> accepted() {
        return accepted;
    }

    void down(boolean down) {
        downStatus = down ? 503 : 0;
    }

    void rateLimited(boolean limited) {
        rateLimited = limited;
    }
}
