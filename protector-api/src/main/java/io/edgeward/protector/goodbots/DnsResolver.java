package io.edgeward.protector.goodbots;

import java.io.IOException;
import java.util.List;

/** The two DNS questions forward-confirmed reverse DNS asks; tests supply a small in-memory implementation. */
public interface DnsResolver {

    /** Host names of the PTR records for this address (4 or 16 bytes); empty when there are none. */
    List<String> reverse(byte[] address) throws IOException;

    /** The addresses (4 or 16 bytes each) a host name resolves to; empty when there are none. */
    List<byte[]> forward(String hostName) throws IOException;
}
