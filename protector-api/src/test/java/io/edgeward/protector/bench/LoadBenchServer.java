package io.edgeward.protector.bench;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.protector.ProtectorConfig;
import io.edgeward.protector.ProtectorServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * For the load benchmark (protector-api/bench/run.sh), not a test: starts a real broker, seeds the decisions
 * topic the way the detection engine would, starts Protector and prints READY once it has caught up. Protector
 * carries the bench-only ceilings of {@link BareEndpoints} ({@code /bench/bare}, {@code /bench/bare-javalin}).
 * Args: port, ip decisions, cidr decisions, session decisions.
 */
public final class LoadBenchServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int ips = Integer.parseInt(args[1]);
        int cidrs = Integer.parseInt(args[2]);
        int sessions = Integer.parseInt(args[3]);
        Path dataDir = Path.of("target", "bench-kafka").toAbsolutePath();
        KafkaBroker.deleteDataDir(dataDir);
        KafkaBroker broker = KafkaBroker.start(dataDir);
        String topic = "edgeward.decisions";
        broker.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));
        String expires = Instant.now().plusSeconds(86_400).toString();
        String created = Instant.now().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < ips; i++) {
                // 10.<i/250>.<i%250>.1 : the Lua script hits a share of these
                String ip = "10." + (i / 250 % 256) + "." + (i % 250) + ".1";
                send(producer, topic, "ip", ip, i % 3 == 0 ? "block" : "challenge", created, expires, "b-ip-" + i);
            }
            for (int i = 0; i < cidrs; i++) {
                String cidr = "172." + (16 + i / 256 % 16) + "." + (i % 256) + ".0/24";
                send(producer, topic, "cidr", cidr, "challenge", created, expires, "b-cidr-" + i);
            }
            for (int i = 0; i < sessions; i++) {
                send(producer, topic, "session", "bench-session-" + i, "block", created, expires, "b-s-" + i);
            }
            producer.flush();
        }
        ProtectorServer server = ProtectorServer.start(ProtectorConfig.builder()
                .port(port)
                .edgeKeys(List.of("bench-edge-key-0123456789"))
                .adminToken("bench-admin-token-0123456789")
                .kafkaBootstrapServers(broker.bootstrapServers())
                .decisionsTopic(topic)
                .build(), ProtectorServer.Dependencies.defaults()
                .withFrontHandlers(List.of(BareEndpoints.jetty("/bench/bare")))
                .withRouteGroups(List.of(BareEndpoints.javalin("/bench/bare-javalin"))));
        while (!server.ready()) {
            Thread.sleep(100); // start-up only; not a test
        }
        System.out.println("READY port=" + server.port() + " decisions=" + (ips + cidrs + sessions));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            broker.close();
            stop.countDown();
        }));
        stop.await();
    }

    private static void send(KafkaProducer<String, String> p, String topic, String scope, String value, String action,
                             String created, String expires, String id) {
        String json = "{\"id\":\"" + id + "\",\"list\":\"decision\",\"scope\":\"" + scope + "\",\"value\":\"" + value
                + "\",\"action\":\"" + action + "\",\"reason\":\"bench\",\"source\":\"detection:bench\",\"createdAt\":\""
                + created + "\",\"expiresAt\":\"" + expires + "\"}";
        p.send(new ProducerRecord<>(topic, "decision|" + scope + "|" + value, json));
    }
}
