package io.edgeward.protector.check;

import io.edgeward.edge.core.campaign.CampaignKey;
import io.edgeward.edge.core.port.Digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The campaign key of a check request (contract C6), by the same class detection uses for a log record. */
final class CampaignKeys {

    private static final Digest SHA256 = data -> {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    };

    private CampaignKeys() {
    }

    static String of(CheckRequest r) {
        return CampaignKey.of(r.userAgent(), r.headerNames(), r.header("accept-language"), r.ja4(), SHA256);
    }
}
