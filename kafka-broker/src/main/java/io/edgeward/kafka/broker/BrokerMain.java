package io.edgeward.kafka.broker;

/**
 * Entry point of the broker's child JVM: exits when the parent process dies, so a killed test run or a crashed local
 * stack never leaves a broker behind, then hands over to {@code kafka.Kafka}.
 *
 * <p>Arguments: {@code <parent pid> <server.properties>}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0));
        kafka.Kafka.main(new String[] {args[1]});
    }
}
