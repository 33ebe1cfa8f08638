package io.edgeward.protector.decision;

import java.util.Arrays;

/** An IPv4 or IPv6 network; host bits are cleared on parse, so {@code 10.1.2.3/8} means {@code 10.0.0.0/8}. */
public record Cidr(byte[] network, int prefixLength) {

    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new InvalidDecisionException("cidr must be <address>/<prefix length>, was '" + text + "'");
        }
        byte[] address = IpAddresses.parse(text.substring(0, slash))
                .orElseThrow(() -> new InvalidDecisionException("cidr address is not an IP literal, was '" + text + "'"));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidDecisionException("cidr prefix length is not a number, was '" + text + "'");
        }
        if (prefix < 0 || prefix > address.length * 8) {
            throw new InvalidDecisionException(
                    "cidr prefix length must be 0.." + address.length * 8 + ", was '" + text + "'");
        }
        return new Cidr(mask(address, prefix), prefix);
    }

    static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = Arrays.copyOf(address, address.length);
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefixLength), network);
    }

    @Override
    public String toString() {
        return IpAddresses.format(network) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }
}
