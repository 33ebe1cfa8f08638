package io.edgeward.protector.support;

import io.edgeward.env.net.IpAddress;
import io.edgeward.protector.goodbots.DnsResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory DNS: PTR and A/AAAA records set by the test, and a count of the questions asked. */
public final class FakeDns implements DnsResolver {

    private final Map<String, List<String>> ptr = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> forward = new ConcurrentHashMap<>();
    public final AtomicInteger reverseLookups = new AtomicInteger();

    /** ip has a PTR record naming host, and host resolves back to ip. */
    public FakeDns confirmed(String ip, String host) {
        return ptr(ip, host).a(host, ip);
    }

    public FakeDns ptr(String ip, String host) {
        ptr.computeIfAbsent(IpAddress.canonical(ip).orElseThrow(), k -> new ArrayList<>()).add(host);
        return this;
    }

    public FakeDns a(String host, String ip) {
        forward.computeIfAbsent(host, k -> new ArrayList<>()).add(IpAddress.parse(ip).orElseThrow().bytes());
        return this;
    }

    @Override
    public List<String> reverse(byte[] address) {
        reverseLookups.incrementAndGet();
        return ptr.getOrDefault(IpAddress.ofBytes(address).toString(), List.of());
    }

    @Override
    public List<byte[]> forward(String hostName) {
        return forward.getOrDefault(hostName, List.of());
    }
}
