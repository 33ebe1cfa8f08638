package io.edgeward.protector.http;

/** The one error shape of every endpoint: {@code {"error": "...", "detail": "..."}}. */
public record Problem(String error, String detail) {
}
