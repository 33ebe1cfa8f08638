package io.edgeward.edge.node;

import org.teavm.jso.JSBody;

/** Files that travel inside the bundle zip, next to index.js (Lambda@Edge has no environment variables). */
final class NodeBundleFiles {

    private NodeBundleFiles() {
    }

    /** The text of a file beside index.js, or null when it cannot be read. */
    @JSBody(params = "name", script = "try { return require('node:fs').readFileSync("
            + "require('node:path').join(__dirname, name), 'utf8'); } catch (e) { return null; }")
    static native String read(String name);
}
