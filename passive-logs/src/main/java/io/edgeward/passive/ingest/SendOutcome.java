package io.edgeward.passive.ingest;

import java.util.List;

/** What ingest made of one batch: all accepted (202), or refused for the listed invalid records (400). */
public sealed interface SendOutcome permits SendOutcome.Accepted, SendOutcome.Rejected {

    record Accepted(int records) implements SendOutcome {
    }

    /** {@code records} holds ingest's per-record errors (possibly only the first of them); {@code detail} its summary. */
    record Rejected(String detail, List<RecordRejection> records) implements SendOutcome {
        public Rejected {
            records = List.copyOf(records);
        }
    }
}
