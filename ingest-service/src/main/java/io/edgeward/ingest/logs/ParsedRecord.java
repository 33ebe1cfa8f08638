package io.edgeward.ingest.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as parsed from a batch: either its JSON object, or why it could not be read as one.
 *
 * @param index 0-based position in the batch
 * @param line  1-based line in an NDJSON body, null for a JSON array
 */
record ParsedRecord(int index, Integer line, ObjectNode json, String parseError) {
}
