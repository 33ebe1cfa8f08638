package io.edgeward.local.front;

import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;

/** Where the emulated distribution sends a request that the cache did not answer: one origin or an origin group. */
interface Origin {

    /** The origin's response, or the 502/504 CloudFront would generate when it cannot get one. */
    EdgeResponse forward(EdgeRequest request, String via);
}
