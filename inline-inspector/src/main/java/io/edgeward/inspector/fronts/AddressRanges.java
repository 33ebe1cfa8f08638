package io.edgeward.inspector.fronts;

import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.InvalidCidrException;
import io.edgeward.env.net.IpAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A set of CIDR blocks, and the strict reading of one address, on the services' one IP parser
 * ({@link IpAddress}, {@link Cidr}).
 *
 * <p>Strict means one plain address: no prefix, mask, wildcard, range, zone, inet_aton shorthand ({@code 127.1},
 * {@code 0x7f.1}) or leading zeros ({@code 010.0.0.1}, which some stacks read as octal). An IPv4-mapped IPv6 address
 * ({@code ::ffff:198.51.100.7}) is the IPv4 address it carries, so a dual-stack socket cannot move a peer out of a
 * range.
 */
public final class AddressRanges {

    private final List<Cidr> blocks;

    private AddressRanges(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @throws IllegalArgumentException naming the first entry that is not an address or a CIDR block without host
     *                                  bits (a typo such as {@code 10.0.0.1/8} is refused, not widened)
     */
    public static AddressRanges of(Collection<String> cidrs) {
        List<Cidr> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(block(cidr.trim()));
        }
        return new AddressRanges(blocks);
    }

    private static Cidr block(String text) {
        int slash = text.indexOf('/');
        Optional<IpAddress> written = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (written.isEmpty()) {
            throw new IllegalArgumentException("not a CIDR block: " + text);
        }
        if (slash < 0) {
            return written.get().network(written.get().bitLength());
        }
        try {
            Cidr block = Cidr.parse(text);
            if (!block.network().equals(written.get())) {
                throw new IllegalArgumentException("not a CIDR block: " + text);
            }
            return block;
        } catch (InvalidCidrException e) {
            throw new IllegalArgumentException("not a CIDR block: " + text, e);
        }
    }

    /** One strictly written address, in canonical form ({@code 2001:db8::7}); empty when it is anything else. */
    public static Optional<String> canonical(String text) {
        return text == null ? Optional.empty() : IpAddress.canonical(text.trim());
    }

    /** Whether the address (strictly written) lies in one of the blocks. */
    public boolean contains(String address) {
        Optional<IpAddress> parsed = address == null ? Optional.empty() : IpAddress.parse(address.trim());
        if (parsed.isEmpty()) {
            return false;
        }
        for (Cidr block : blocks) {
            if (block.contains(parsed.get())) {
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
        return blocks.stream().map(Cidr::toString).toList();
    }
}
