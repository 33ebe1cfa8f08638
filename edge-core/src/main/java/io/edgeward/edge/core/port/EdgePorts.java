package io.edgeward.edge.core.port;

/** Everything the edge policy needs from its platform, implemented once on the JVM and once on Node. */
public record EdgePorts(EdgeClock clock, Randomness randomness, Digest digest, JsonCodec json, EdgeHttp http,
                        EdgeLog log) {
}
