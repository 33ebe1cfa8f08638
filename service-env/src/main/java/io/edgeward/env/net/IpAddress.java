package io.edgeward.env.net;

import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6AddressStringParameters;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, read from text the same way in every service (docs/ip-addresses.md; the cases are in
 * edge-core's {@code ip-vectors.json}, which edge-core's own parser also passes). Never a DNS lookup.
 *
 * <p>Accepted text:
 * <ul>
 *   <li>IPv4: exactly four dotted decimal parts, each 0-255 with no leading zero ({@code 010.1.1.1} is refused:
 *       inet_aton reads it as octal 8.1.1.1, others as 10.1.1.1, so it has no single meaning);</li>
 *   <li>IPv6: RFC 4291 text, any case, at most four hex digits a group, one {@code ::}, an embedded IPv4 tail
 *       under the IPv4 rule above;</li>
 *   <li>nothing else: no zone id ({@code fe80::1%eth0}), brackets, port, prefix, whitespace, wildcard, range or
 *       inet_aton short form ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}).</li>
 * </ul>
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}, also written {@code ::ffff:102:304}) is the IPv4
 * address: one address has one key, so a block on 1.2.3.4 also holds for a dual-stack socket's spelling of it.
 * Other embeddings (IPv4-compatible {@code ::1.2.3.4}, NAT64 {@code 64:ff9b::/96}) stay IPv6, since a router,
 * not the client, chose those bits.
 *
 * <p>{@link #toString()} is the canonical text: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, no leading
 * zeros, the longest run of two or more zero groups compressed, the first of equal runs).
 */
public final class IpAddress {

    /** Longer than any accepted spelling ({@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255} is 45). */
    static final int MAX_TEXT_LENGTH = 45;

    private static final IPAddressStringParameters STRICT = strictParameters();

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address {@code text} spells, or empty when it is not an accepted literal (null included). */
    public static Optional<IpAddress> parse(String text) {
        byte[] raw = parseRaw(text);
        return raw == null ? Optional.empty() : Optional.of(ofOwnedBytes(raw));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** The canonical text of the address {@code text} spells, or empty when it is not an accepted literal. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(IpAddress::toString);
    }

    /**
     * The address of these 4 or 16 bytes (copied); 16 bytes of an IPv4-mapped address give the IPv4 address.
     *
     * @throws IllegalArgumentException for any other length
     */
    public static IpAddress ofBytes(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        return ofOwnedBytes(bytes.clone());
    }

    private static IpAddress ofOwnedBytes(byte[] bytes) {
        return new IpAddress(bytes.length == 16 && isMapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes);
    }

    /**
     * The bytes {@code text} spells as written (an IPv4-mapped address stays 16 bytes), or null. A dotted quad is
     * read by {@link AddressText}, everything else by the library.
     */
    static byte[] parseRaw(String text) {
        if (!plausible(text)) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return AddressText.dottedQuad(text);
        }
        return parseWithLibrary(text);
    }

    /** The library's strict reading alone (also of a dotted quad), for the test that holds the two equal. */
    static byte[] parseWithLibrary(String text) {
        IPAddress address = new IPAddressString(text, STRICT).getAddress();
        return address == null ? null : address.getBytes();
    }

    /** A copy of the address bytes: 4 for IPv4, 16 for IPv6. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /** 32 or 128. */
    public int bitLength() {
        return bytes.length * 8;
    }

    /** The network of this address with that prefix length: {@code 198.51.100.7} and 24 are {@code 198.51.100.0/24}. */
    public Cidr network(int prefixLength) {
        return Cidr.of(this, prefixLength);
    }

    @Override
    public String toString() {
        return bytes.length == 4 ? AddressText.ipv4(bytes) : AddressText.ipv6(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    byte[] rawBytes() {
        return bytes;
    }

    static boolean isMapped(byte[] sixteen) {
        for (int i = 0; i < 10; i++) {
            if (sixteen[i] != 0) {
                return false;
            }
        }
        return sixteen[10] == (byte) 0xff && sixteen[11] == (byte) 0xff;
    }

    /**
     * Only ASCII hex digits, dots and colons, and short enough: the library trims whitespace and reads zones,
     * brackets, prefixes and ranges, none of which a client address may carry.
     */
    private static boolean plausible(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != '.' && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static IPAddressStringParameters strictParameters() {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowPrefix(false)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE)
                .allow_inet_aton(false);
        b.getIPv4AddressParametersBuilder()
                .allow_inet_aton(false)
                .allowBinary(false)
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false);
        IPv6AddressStringParameters.Builder v6 = b.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowMixed(true)
                .allow_mixed_inet_aton(false)
                .allowLeadingZeros(true) // RFC 4291: up to four hex digits a group
                .allowUnlimitedLeadingZeros(false);
        v6.getEmbeddedIPv4AddressParametersBuilder()
                .allow_inet_aton(false)
                .allowBinary(false)
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false);
        return b.toParams();
    }
}
