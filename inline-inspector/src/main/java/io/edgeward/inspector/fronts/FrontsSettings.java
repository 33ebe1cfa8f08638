package io.edgeward.inspector.fronts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The trusted fronts from the environment, in the inspector's configuration style (docs/inline.md "Trusted fronts").
 *
 * <ul>
 * <li>{@code EDGEWARD_TRUSTED_FRONTS}: comma-separated front names, in the order they are tried (default: none, the
 *     origin secret alone decides, as before). {@code cloudfront} and {@code cloudflare} come with their header and
 *     their shipped ranges; any other name needs both set below.</li>
 * <li>{@code EDGEWARD_FRONT_<NAME>_HEADER}: the client-address header (cloudfront: CloudFront-Viewer-Address,
 *     cloudflare: CF-Connecting-IP; True-Client-IP for a Cloudflare load balancer or Akamai).</li>
 * <li>{@code EDGEWARD_FRONT_<NAME>_RANGES}: comma-separated CIDR blocks, or {@code EDGEWARD_FRONT_<NAME>_RANGES_FILE}:
 *     a file in the shipped format; either replaces the shipped ranges.</li>
 * <li>{@code EDGEWARD_UNTRUSTED_PEERS}: {@code refuse} (default, 403) or {@code peer} (served as its own client).</li>
 * <li>{@code EDGEWARD_TRUSTED_PROXIES}: comma-separated CIDR blocks of load balancers between the fronts and the
 *     inspector (default: none); from them the front's address is X-Forwarded-For's last entry.</li>
 * </ul>
 * {@code <NAME>} is the front's name upper-cased with {@code -} as {@code _}.
 */
public final class FrontsSettings {

    private static final Map<String, String> HEADERS = Map.of(
            "cloudfront", "CloudFront-Viewer-Address",
            "cloudflare", "CF-Connecting-IP");
    private static final Map<String, String> SHIPPED = Map.of(
            "cloudfront", RangeFile.CLOUDFRONT,
            "cloudflare", RangeFile.CLOUDFLARE);

    private FrontsSettings() {
    }

    /** @throws IllegalArgumentException naming the variable and the bad value */
    public static TrustedFronts fromEnvironment(Map<String, String> env) {
        List<TrustedFront> fronts = new ArrayList<>();
        for (String name : names(env.getOrDefault("EDGEWARD_TRUSTED_FRONTS", ""))) {
            fronts.add(front(name, env));
        }
        String untrusted = env.getOrDefault("EDGEWARD_UNTRUSTED_PEERS", "refuse");
        AddressRanges proxies = cidrs("EDGEWARD_TRUSTED_PROXIES", env.getOrDefault("EDGEWARD_TRUSTED_PROXIES", ""));
        if (fronts.isEmpty() && (proxies.size() > 0 || env.containsKey("EDGEWARD_UNTRUSTED_PEERS"))) {
            throw new IllegalArgumentException(
                    "EDGEWARD_TRUSTED_PROXIES and EDGEWARD_UNTRUSTED_PEERS need EDGEWARD_TRUSTED_FRONTS");
        }
        try {
            return new TrustedFronts(fronts, proxies, TrustedFronts.Untrusted.parse(untrusted));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EDGEWARD_UNTRUSTED_PEERS must be refuse or peer, was " + untrusted);
        }
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("EDGEWARD_TRUSTED_FRONTS: a front name is letters, digits and -,"
                        + " was " + raw.trim());
            }
            names.add(name);
        }
        return names;
    }

    private static TrustedFront front(String name, Map<String, String> env) {
        String prefix = "EDGEWARD_FRONT_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        String header = env.getOrDefault(prefix + "HEADER", HEADERS.get(name));
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(prefix + "HEADER is required for front " + name);
        }
        if (!header.trim().matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException(prefix + "HEADER must be a header name, was " + header);
        }
        String inline = env.get(prefix + "RANGES");
        String file = env.get(prefix + "RANGES_FILE");
        if (inline != null && file != null) {
            throw new IllegalArgumentException("set " + prefix + "RANGES or " + prefix + "RANGES_FILE, not both");
        }
        AddressRanges ranges;
        if (inline != null) {
            ranges = cidrs(prefix + "RANGES", inline);
        } else if (file != null) {
            ranges = RangeFile.read(Path.of(file.trim()));
        } else if (SHIPPED.containsKey(name)) {
            ranges = RangeFile.shipped(SHIPPED.get(name));
        } else {
            throw new IllegalArgumentException(prefix + "RANGES or " + prefix + "RANGES_FILE is required for front "
                    + name + " (ranges are shipped for cloudfront and cloudflare only)");
        }
        if (ranges.size() == 0) {
            throw new IllegalArgumentException(prefix + "RANGES holds no ranges");
        }
        try {
            return new TrustedFront(name, header, ranges);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "HEADER: " + e.getMessage());
        }
    }

    private static AddressRanges cidrs(String variable, String list) {
        List<String> cidrs = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        try {
            return AddressRanges.of(cidrs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage());
        }
    }
}
