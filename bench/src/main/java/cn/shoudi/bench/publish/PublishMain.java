package cn.shoudi.bench.publish;

public final class PublishMain {
    private PublishMain() {
    }

    public static void main(String[] args) {
    }
}
