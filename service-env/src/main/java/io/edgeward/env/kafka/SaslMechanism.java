package io.edgeward.env.kafka;

import java.util.Map;

/** SASL mechanisms Edgeward can configure, with the client properties each one needs besides the mechanism. */
public enum SaslMechanism {
    /**
     * Amazon MSK IAM authentication through {@code software.amazon.msk:aws-msk-iam-auth}: the client signs with the
     * AWS default credentials chain (on ECS, the task role). The JAAS config holds no secret.
     */
    AWS_MSK_IAM(Map.of(
            "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
            "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));

    private final Map<String, String> clientProperties;

    SaslMechanism(Map<String, String> clientProperties) {
        this.clientProperties = clientProperties;
    }

    /** {@code sasl.jaas.config} and the callback handler; {@code sasl.mechanism} itself is added by the caller. */
    Map<String, String> clientProperties() {
        return clientProperties;
    }
}
