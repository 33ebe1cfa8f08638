package io.edgeward.local.front;

/** Where the emulated distribution sends a request that the cache did not answer: one origin or an origin group. */
interface Origin {

    /** The origin's response, or the 502/504 CloudFront would generate when it cannot get one. */
    FrontResponse forward(FrontRequest request, String via);
}
