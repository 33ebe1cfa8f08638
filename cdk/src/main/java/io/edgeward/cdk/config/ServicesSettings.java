package io.edgeward.cdk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The regional services (protector-api, ingest-service, detection-engine) on ECS Fargate behind one load balancer.
 *
 * @param certificateArn ACM certificate (in the services region) for the load balancer's HTTPS listener
 * @param allowPlainHttp allow an HTTP-only load balancer; the edge would then send its keys in clear text, so this
 *                       is for test deployments only (default false)
 * @param adminCidrs     source CIDRs allowed to reach /v1/admin/* through the load balancer; empty (default) keeps the
 *                       admin API off the internet (reach it from inside the VPC)
 * @param maxAzs         availability zones for the VPC (default 2)
 * @param availabilityZones explicit zones for the VPC (like eu-west-1a, eu-west-1b); with an account set and no
 *                       zones, CDK looks the zones up once with AWS credentials and caches them in cdk.context.json,
 *                       so set them to synthesize offline
 * @param protector      size of protector-api (default 2 tasks, 512 CPU, 1024 MiB)
 * @param ingest         size of ingest-service (default 2 tasks, 512 CPU, 1024 MiB)
 * @param detection      size of detection-engine (default 1 task, 1024 CPU, 2048 MiB)
 * @param inspector      optional: the inline-inspector service for behaviors in inline mode (docs/inline.md)
 * @param console        the operator console (default: deployed, on an internal load balancer)
 */
public record ServicesSettings(
        String certificateArn,
        boolean allowPlainHttp,
        List<String> adminCidrs,
        Integer maxAzs,
        List<String> availabilityZones,
        ServiceSize protector,
        ServiceSize ingest,
        ServiceSize detection,
        InspectorSettings inspector,
        ConsoleSettings console) {

    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}|[0-9a-fA-F:]+/\\d{1,3}");

    @JsonCreator
    public ServicesSettings {
        adminCidrs = adminCidrs == null ? List.of() : List.copyOf(adminCidrs);
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
        SettingsException.require(maxAzs == null || availabilityZones.isEmpty() || maxAzs == availabilityZones.size(),
                "services.maxAzs " + maxAzs + " disagrees with services.availabilityZones " + availabilityZones
                        + "; set one of them");
        maxAzs = maxAzs == null ? (availabilityZones.isEmpty() ? 2 : availabilityZones.size()) : maxAzs;
        protector = (protector == null ? new ServiceSize(null, null, null) : protector)
                .orElse(new ServiceSize(2, 512, 1024));
        ingest = (ingest == null ? new ServiceSize(null, null, null) : ingest).orElse(new ServiceSize(2, 512, 1024));
        detection = (detection == null ? new ServiceSize(null, null, null) : detection)
                .orElse(new ServiceSize(1, 1024, 2048));
        SettingsException.require(certificateArn != null || allowPlainHttp,
                "services.certificateArn is not set: the edge would send its keys to the load balancer over plain"
                        + " HTTP; set services.certificateArn, or services.allowPlainHttp=true for a test deployment");
        SettingsException.require(maxAzs >= 2 && maxAzs <= 6,
                "services.maxAzs must be between 2 and 6 (a load balancer needs two zones), was " + maxAzs);
        for (String cidr : adminCidrs) {
            requireCidr("services.adminCidrs", cidr);
        }
        console = console == null ? ConsoleSettings.defaults() : console;
    }

    static void requireCidr(String key, String cidr) {
        SettingsException.require(cidr != null && CIDR.matcher(cidr).matches(),
                key + " must hold CIDR blocks (like 203.0.113.0/24), was " + cidr);
    }

    /** With the default console. */
    public ServicesSettings(String certificateArn, boolean allowPlainHttp, List<String> adminCidrs, Integer maxAzs,
            List<String> availabilityZones, ServiceSize protector, ServiceSize ingest, ServiceSize detection,
            InspectorSettings inspector) {
        this(certificateArn, allowPlainHttp, adminCidrs, maxAzs, availabilityZones, protector, ingest, detection,
                inspector, null);
    }

    /** A copy with these console settings. */
    public ServicesSettings withConsole(ConsoleSettings console) {
        return new ServicesSettings(certificateArn, allowPlainHttp, adminCidrs, maxAzs, availabilityZones, protector,
                ingest, detection, inspector, console);
    }

    /** Without the inline inspector. */
    public ServicesSettings(String certificateArn, boolean allowPlainHttp, List<String> adminCidrs, Integer maxAzs,
            List<String> availabilityZones, ServiceSize protector, ServiceSize ingest, ServiceSize detection) {
        this(certificateArn, allowPlainHttp, adminCidrs, maxAzs, availabilityZones, protector, ingest, detection, null,
                null);
    }

    /** Defaults with HTTPS from the given certificate. */
    public static ServicesSettings withCertificate(String certificateArn) {
        return new ServicesSettings(certificateArn, false, null, null, null, null, null, null, null, null);
    }

    /** The certificate's region must be the services region; checked once the region is known. */
    void validateFor(String region) {
        for (String zone : availabilityZones) {
            SettingsException.require(zone.startsWith(region) && zone.length() == region.length() + 1,
                    "services.availabilityZones must be zones of " + region + " (like " + region + "a), was " + zone);
        }
        if (certificateArn != null) {
            Arns.requireCertificateIn("services.certificateArn", certificateArn, region);
        }
        if (inspector != null && inspector.certificateArn() != null) {
            Arns.requireCertificateIn("services.inspector.certificateArn", inspector.certificateArn(), region);
        }
        if (console.certificateArn() != null) {
            Arns.requireCertificateIn("services.console.certificateArn", console.certificateArn(), region);
        }
        SettingsException.require(inspector == null || inspector.certificateArn() != null || allowPlainHttp,
                "services.inspector.certificateArn is not set: CloudFront would send the origin secret to the"
                        + " inspector over plain HTTP; set it, or services.allowPlainHttp=true for a test deployment");
    }
}
