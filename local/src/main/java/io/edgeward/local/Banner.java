package io.edgeward.local;

import io.edgeward.local.config.LocalSecrets;

/** What {@code ./edgeward local} prints once everything runs: where things are, and the secrets it generated. */
final class Banner {

    private Banner() {
    }

    static String of(LocalStack stack) {
        LocalSecrets secrets = stack.config().secrets();
        StringBuilder out = new StringBuilder()
                .append("\nEdgeward local stack is running (mode ").append(stack.config().mode()).append(")\n")
                .append("  front (CloudFront)  http://127.0.0.1:").append(stack.frontPort()).append("/\n")
                .append("  protector-api       http://127.0.0.1:").append(stack.protectorPort()).append("/\n")
                .append("  ingest-service      http://127.0.0.1:").append(stack.ingestPort()).append("/\n")
                .append("  origin              ").append(stack.origin()).append("\n")
                .append("  kafka               ").append(stack.bootstrapServers()).append("\n")
                .append("  passive drop dir    ").append(stack.passiveDir()).append("\n");
        if (stack.config().console()) {
            out.append("  operator console    http://127.0.0.1:").append(stack.consolePort())
                    .append("/console/ (log in with EDGEWARD_ADMIN_TOKEN)\n");
        }
        if (stack.config().inline()) {
            out.append("  inline inspector    http://127.0.0.1:").append(stack.inspectorPort())
                    .append("/ (the front's primary origin; the origin above is the failover)\n");
        }
        if (!secrets.generated().isEmpty()) {
            out.append("Generated for this run (set them to keep them):\n");
            for (String name : secrets.generated()) {
                out.append("  ").append(name).append('=').append(value(secrets, name)).append('\n');
            }
        }
        return out.append("Ctrl-C stops everything.\n").toString();
    }

    private static String value(LocalSecrets secrets, String name) {
        return switch (name) {
            case LocalSecrets.ADMIN_TOKEN -> secrets.adminToken();
            case LocalSecrets.EDGE_KEY -> secrets.edgeKey();
            case LocalSecrets.INGEST_KEY -> secrets.ingestKey();
            case LocalSecrets.COOKIE_KEY -> secrets.cookieKey();
            default -> "?";
        };
    }
}
