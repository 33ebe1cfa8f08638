package io.edgeward.protector.admin;

/**
 * The body of {@code POST /v1/admin/decisions} and {@code /v1/admin/allowlist}. {@code duration} is ISO-8601
 * ({@code PT10M}); required for decisions, optional for allowlist entries (absent: no expiry). {@code action}
 * is required for decisions and must be absent or {@code allow} for allowlist entries. The qualifiers (contract C4)
 * are optional: {@code sessionless: true} limits the entry to requests without an established session in good
 * standing; {@code route: "POST /login"} limits it to requests of that method and path prefix.
 */
public record NewDecision(String scope, String value, String action, String duration, String reason,
                          Boolean sessionless, String route) {
}
