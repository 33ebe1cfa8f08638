package io.edgeward.inspector.fronts;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A set of CIDR blocks, and the strict reading of one address. The inspector's only use of an IP library
 * ({@code com.github.seancfoley:ipaddress}, the one service-env's shared parser uses): swapped for that parser when
 * the branches merge.
 *
 * <p>Strict means one plain address: no prefix, mask, wildcard, range, zone, inet_aton shorthand ({@code 127.1},
 * {@code 0x7f.1}) or leading zeros ({@code 010.0.0.1}, which some stacks read as octal). An IPv4-mapped IPv6 address
 * ({@code ::ffff:198.51.100.7}) is the IPv4 address it carries, so a dual-stack socket cannot move a peer out of a
 * range.
 */
public final class AddressRanges {

    private static final IPAddressStringParameters ADDRESS = parameters(false);
    private static final IPAddressStringParameters BLOCK = parameters(true);

    private final List<IPAddress> blocks;

    private AddressRanges(List<IPAddress> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @throws IllegalArgumentException naming the first entry that is not an address or a CIDR block without host
     *                                  bits (a typo such as {@code 10.0.0.1/8} is refused, not widened)
     */
    public static AddressRanges of(Collection<String> cidrs) {
        List<IPAddress> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            IPAddress block = new IPAddressString(cidr.trim(), BLOCK).getAddress();
            if (block == null || (block.isPrefixed() && !block.isPrefixBlock())) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            blocks.add(unmapped(block));
        }
        return new AddressRanges(blocks);
    }

    /** One strictly written address, in canonical form ({@code 2001:db8::7}); empty when it is anything else. */
    public static Optional<String> canonical(String text) {
        return address(text).map(IPAddress::toCanonicalString);
    }

    static Optional<IPAddress> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        IPAddress address = new IPAddressString(text.trim(), ADDRESS).getAddress();
        return address == null || address.isMultiple() || address.isPrefixed() ? Optional.empty()
                : Optional.of(unmapped(address));
    }

    /** Whether the address (strictly written) lies in one of the blocks. */
    public boolean contains(String address) {
        Optional<IPAddress> parsed = address(address);
        if (parsed.isEmpty()) {
            return false;
        }
        for (IPAddress block : blocks) {
            if (block.getIPVersion() == parsed.get().getIPVersion() && block.contains(parsed.get())) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return blocks.size();
    }

    /** The blocks in canonical CIDR form, in the order given. */
    public List<String> cidrs() {
        return blocks.stream().map(IPAddress::toCanonicalString).toList();
    }

    private static IPAddress unmapped(IPAddress address) {
        if (address instanceof IPv6Address v6 && v6.isIPv4Mapped() && !v6.isPrefixed()) {
            return v6.getEmbeddedIPv4Address();
        }
        return address;
    }

    private static IPAddressStringParameters parameters(boolean prefix) {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowPrefix(prefix).allowMask(false)
                .allowPrefixOnly(false).allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE)
                .allow_inet_aton(false);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false)
                .allowPrefixesBeyondAddressSize(false);
        builder.getIPv6AddressParametersBuilder().allowZone(false).allowEmptyZone(false).allowBase85(false)
                .allowBinary(false).allowPrefixesBeyondAddressSize(false);
        return builder.toParams();
    }
}
