package io.edgeward.console.figures.internal;

import static io.edgeward.console.figures.internal.Wire.readString;
import static io.edgeward.console.figures.internal.Wire.writeString;

import io.edgeward.console.figures.ChallengeEvent;
import io.edgeward.console.figures.SeenRequest;
import io.edgeward.detection.topics.Detection;
import io.edgeward.detection.topics.JsonSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/** Serdes of the single events the stores keep (requests, challenge events, detections). */
public final class StoredValues {

    public static final WireSerde<SeenRequest> SEEN_REQUEST = new WireSerde<>(StoredValues::write,
            StoredValues::readRequest);
    public static final WireSerde<ChallengeEvent> CHALLENGE_EVENT = new WireSerde<>(StoredValues::write,
            StoredValues::readEvent);
    /** Detections are rare: kept as the engine wrote them, in JSON. */
    public static final JsonSerde<Detection> DETECTION = new JsonSerde<>(Detection.class);

    private StoredValues() {
    }

    private static void write(SeenRequest r, DataOutputStream out) throws IOException {
        out.writeLong(r.time().toEpochMilli());
        out.writeInt(r.status());
        for (String s : new String[] {r.requestId(), r.clientIp(), r.sessionId(), r.cookieState(), r.method(),
                r.host(), r.path(), r.userAgent(), r.country(), r.action(), r.reason(), r.decisionId(), r.mode(),
                r.source()}) {
            writeString(out, s);
        }
    }

    private static SeenRequest readRequest(DataInputStream in) throws IOException {
        Instant time = Instant.ofEpochMilli(in.readLong());
        int status = in.readInt();
        String[] s = new String[14];
        for (int i = 0; i < s.length; i++) {
            s[i] = readString(in);
        }
        return new SeenRequest(time, s[0], s[1], s[2], s[3], s[4], s[5], s[6], status, s[7], s[8], s[9], s[10],
                s[11], s[12], s[13]);
    }

    private static void write(ChallengeEvent e, DataOutputStream out) throws IOException {
        out.writeLong(e.time().toEpochMilli());
        out.writeLong(e.solveMillis() == null ? -1 : e.solveMillis());
        for (String s : new String[] {e.event(), e.provider(), e.reason(), e.sessionId(), e.clientIp()}) {
            writeString(out, s);
        }
    }

    private static ChallengeEvent readEvent(DataInputStream in) throws IOException {
        Instant time = Instant.ofEpochMilli(in.readLong());
        long solve = in.readLong();
        String[] s = new String[5];
        for (int i = 0; i < s.length; i++) {
            s[i] = readString(in);
        }
        return new ChallengeEvent(time, s[0], s[1], s[2], solve < 0 ? null : solve, s[3], s[4]);
    }
}
