package io.edgeward.cdk.config;

/** Synth-time checks on ARNs given as settings. */
final class Arns {
    private Arns() {
    }

    /** CloudFront takes certificates from us-east-1 only; a load balancer from its own region. */
    static void requireCertificateIn(String setting, String arn, String region) {
        String[] parts = arn.split(":", 6);
        SettingsException.require(parts.length == 6 && "arn".equals(parts[0]) && "acm".equals(parts[2])
                        && parts[5].startsWith("certificate/"),
                setting + " must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>), was "
                        + arn);
        SettingsException.require(region.equals(parts[3]),
                setting + " must be a certificate in " + region + ", was one in " + parts[3] + " (" + arn + ")");
    }
}
