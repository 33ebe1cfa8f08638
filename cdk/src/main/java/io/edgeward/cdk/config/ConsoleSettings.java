package io.edgeward.cdk.config;

import java.util.List;

/**
 * The operator console (module {@code console}): one Fargate task behind a load balancer of its own, internal by
 * default (docs/deploy.md "Operator console"). The console holds the admin token, so nothing in it is on the public
 * internet unless asked for with a certificate and a list of source addresses.
 *
 * @param enabled        deploy the console (default true)
 * @param size           tasks, CPU and memory (default 1 task, 512 CPU, 1024 MiB); exactly one task: the figures are
 *                       one Kafka Streams application and the login sessions live in the task's memory
 * @param allowedCidrs   source CIDRs (beside the VPC's own range) allowed to the load balancer, e.g. an office VPN
 *                       routed into the VPC; empty (default): the VPC only
 * @param certificateArn ACM certificate (services region) for an HTTPS listener; without it the listener is plain
 *                       HTTP on port 80, usable only through a port-forward to localhost (the session cookie is Secure)
 * @param internetFacing put the load balancer in the public subnets (default false); requires certificateArn and
 *                       allowedCidrs
 */
public record ConsoleSettings(Boolean enabled, ServiceSize size, List<String> allowedCidrs, String certificateArn,
        boolean internetFacing) {

    public ConsoleSettings {
        enabled = enabled == null || enabled;
        size = (size == null ? new ServiceSize(null, null, null) : size).orElse(new ServiceSize(1, 512, 1024));
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        SettingsException.require(size.desiredCount() == 1,
                "services.console.size.desiredCount must be 1: the console's figures are one Kafka Streams application"
                        + " and its login sessions live in the task, was " + size.desiredCount());
        for (String cidr : allowedCidrs) {
            ServicesSettings.requireCidr("services.console.allowedCidrs", cidr);
            SettingsException.require(!cidr.endsWith("/0"),
                    "services.console.allowedCidrs must not open the console to every address, was " + cidr);
        }
        SettingsException.require(!internetFacing || certificateArn != null,
                "services.console.internetFacing needs services.console.certificateArn: the admin token would cross"
                        + " the internet in clear text, and the console's Secure cookie needs HTTPS anyway");
        SettingsException.require(!internetFacing || !allowedCidrs.isEmpty(),
                "services.console.internetFacing needs services.console.allowedCidrs (the addresses operators"
                        + " come from)");
    }

    /** Deployed, internal, reachable from the VPC only, plain HTTP (port-forward). */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(null, null, null, null, false);
    }

    public static ConsoleSettings disabled() {
        return new ConsoleSettings(false, null, null, null, false);
    }
}
