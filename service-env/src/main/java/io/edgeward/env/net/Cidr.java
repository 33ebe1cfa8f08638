package io.edgeward.env.net;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network, {@code <address>/<prefix length>}, read the same way in every service
 * (docs/ip-addresses.md).
 *
 * <ul>
 *   <li>The address follows {@link IpAddress}'s rules; the prefix length is decimal without sign or leading zero,
 *       0-32 for IPv4 and 0-128 for IPv6.</li>
 *   <li>Host bits are cleared, not refused: {@code 10.0.0.1/24} is {@code 10.0.0.0/24}. The prefix length alone
 *       sets the network's size, so clearing never widens what the operator wrote, and {@link #toString()} shows
 *       the network that is stored.</li>
 *   <li>An IPv4-mapped network ({@code ::ffff:10.0.0.0/104}) is the IPv4 network ({@code 10.0.0.0/8}), as
 *       mapped addresses are IPv4 addresses; a mapped address with a prefix length under 96 is refused, since it
 *       would name IPv6 space that no address ever falls in.</li>
 *   <li>An IPv4 network never contains an IPv6 address and the other way round, even {@code ::/0}.</li>
 * </ul>
 */
public final class Cidr {

    private final IpAddress network;
    private final int prefixLength;

    private Cidr(IpAddress network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * The network {@code text} names.
     *
     * @throws InvalidCidrException naming what is wrong and quoting {@code text}
     */
    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new InvalidCidrException("cidr must be <address>/<prefix length>, was '" + text + "'");
        }
        byte[] address = IpAddress.parseRaw(text.substring(0, slash));
        if (address == null) {
            throw new InvalidCidrException("cidr address is not an IP literal, was '" + text + "'");
        }
        int prefix = prefixLength(text.substring(slash + 1));
        if (prefix < 0) {
            throw new InvalidCidrException("cidr prefix length is not a number, was '" + text + "'");
        }
        if (prefix > address.length * 8) {
            throw new InvalidCidrException(
                    "cidr prefix length must be 0.." + address.length * 8 + ", was '" + text + "'");
        }
        if (address.length == 16 && IpAddress.isMapped(address)) {
            if (prefix < 96) {
                throw new InvalidCidrException(
                        "cidr prefix length of an IPv4-mapped address must be 96..128, was '" + text + "'");
            }
            return new Cidr(IpAddress.ofBytes(mask(address, prefix)), prefix - 96);
        }
        return new Cidr(IpAddress.ofBytes(mask(address, prefix)), prefix);
    }

    /**
     * The network of {@code address} with that prefix length, host bits cleared.
     *
     * @throws InvalidCidrException when the prefix length is outside 0..{@link IpAddress#bitLength()}
     */
    public static Cidr of(IpAddress address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > address.bitLength()) {
            throw new InvalidCidrException("cidr prefix length must be 0.." + address.bitLength() + ", was "
                    + prefixLength + " for " + address);
        }
        return new Cidr(IpAddress.ofBytes(mask(address.rawBytes(), prefixLength)), prefixLength);
    }

    /** A copy of {@code address} (4 or 16 bytes) with every bit from {@code prefixLength} on cleared. */
    public static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = Arrays.copyOf(address, address.length);
        int full = prefixLength / 8;
        if (full < masked.length) {
            masked[full] &= (byte) (0xff00 >>> (prefixLength % 8));
            Arrays.fill(masked, full + 1, masked.length, (byte) 0);
        }
        return masked;
    }

    public IpAddress network() {
        return network;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean contains(IpAddress address) {
        return contains(address.rawBytes());
    }

    /** Whether these address bytes (4 or 16, as {@link IpAddress#bytes()} gives them) lie in this network. */
    public boolean contains(byte[] address) {
        byte[] net = network.rawBytes();
        if (address.length != net.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != net[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        return rest == 0 || (address[full] & (0xff00 >>> rest) & 0xff) == (net[full] & 0xff);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && c.network.equals(network);
    }

    @Override
    public int hashCode() {
        return 31 * network.hashCode() + prefixLength;
    }

    /** 0-999 written without sign or leading zero, else -1. */
    private static int prefixLength(String digits) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
