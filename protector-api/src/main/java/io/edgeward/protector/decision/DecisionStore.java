package io.edgeward.protector.decision;

import io.edgeward.env.net.Cidr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The decisions and allowlist entries in memory, as materialized from the decisions topic, in compact form
 * ({@link StoredDecision}, {@link CompactKeys}): about 150 bytes a decision (docs/benchmarks.md).
 *
 * <p>One writer at a time (the materializer, the purge; writes are serialized) and many lock-free readers (checks).
 * Expired entries are ignored by lookups at once (by the injected {@link Clock}) and dropped by {@link #purgeExpired()}.
 *
 * <p>Bounded by {@link DecisionMemory} in entries and estimated bytes. When a write goes past either bound, expired
 * entries go first, then decisions are shed in this order: non-blocks before blocks (a block is never dropped to keep
 * a challenge), detection's before an administrator's, soonest expiry first. Non-blocks are shed down to 99 % of the
 * bound, so the next writes find room without another scan; blocks only down to the bound itself (when memory is
 * full of blocks every new decision costs a scan: raise the bound).
 * Allowlist entries are never shed. Shed decisions are counted ({@link #shedDecisions()}); the first shed of an
 * episode logs one WARN line, and the episode ends (one INFO line) when memory is back under 90 % of both bounds.
 */
public final class DecisionStore {

    private static final Logger log = LoggerFactory.getLogger(DecisionStore.class);
    /** Route decisions are scanned on every check, so they are few by design. */
    static final int MAX_ROUTES = 1_000;
    private static final int SLOT_BYTES = 40; // map node and table slot

    private final Clock clock;
    private final DecisionMemory limits;
    private final Map<ListKind, DecisionIndex> lists = new EnumMap<>(ListKind.class);
    private final Interner interner = new Interner();
    private final Object writeLock = new Object();
    private final AtomicLong shed = new AtomicLong();
    private volatile int entries;
    private volatile long bytes;
    private boolean sheddingEpisode; // guarded by writeLock
    private long shedThisEpisode;    // guarded by writeLock

    public DecisionStore(Clock clock) {
        this(clock, DecisionMemory.defaults());
    }

    public DecisionStore(Clock clock, DecisionMemory limits) {
        this.clock = clock;
        this.limits = limits;
        for (ListKind list : ListKind.values()) {
            lists.put(list, new DecisionIndex());
        }
    }

    /** Stores or replaces the entry with the decision's key; may shed others (or this one) when memory is full. */
    public void put(Decision decision) {
        synchronized (writeLock) {
            DecisionIndex l = lists.get(decision.list());
            Object key;
            int prefix = 0;
            Map<Object, StoredDecision> map;
            if (decision.scope() == Scope.CIDR) {
                Cidr cidr = Cidr.parse(decision.value());
                prefix = cidr.prefixLength();
                byte[] network = cidr.network().bytes();
                key = CompactKeys.address(network);
                map = l.cidrs(network.length, prefix, true);
            } else if (decision.scope() == Scope.ROUTE) {
                key = interner.intern(RouteSpec.parse(decision.value(), "value"));
                map = l.routes;
                if (map.size() >= MAX_ROUTES && !map.containsKey(key)) {
                    shed.incrementAndGet();
                    log.warn("decisions.route refused: already {} route decisions (the most there may be)", MAX_ROUTES);
                    return;
                }
            } else {
                key = CompactKeys.of(decision.scope(), decision.value());
                map = l.exact.get(decision.scope());
            }
            StoredDecision head = map.get(key);
            StoredDecision entry = new StoredDecision(decision, head == null ? key : head.key, prefix, interner);
            StoredDecision replaced = Chains.variant(head, decision.sessionless(), decision.route());
            map.put(entry.key, Chains.rebuild(head, replaced, entry));
            account(entry, +1);
            if (replaced != null) {
                account(replaced, -1);
            }
            shedIfFull();
        }
    }

    /** Removes the entry with this key, if any (a tombstone). */
    public void remove(DecisionKey key) {
        synchronized (writeLock) {
            DecisionIndex l = lists.get(key.list());
            Object k;
            Map<Object, StoredDecision> map;
            if (key.scope() == Scope.CIDR) {
                Cidr cidr = Cidr.parse(key.value());
                byte[] network = cidr.network().bytes();
                k = CompactKeys.address(network);
                map = l.cidrs(network.length, cidr.prefixLength(), false);
            } else if (key.scope() == Scope.ROUTE) {
                k = RouteSpec.parse(key.value(), "value");
                map = l.routes;
            } else {
                k = CompactKeys.of(key.scope(), key.value());
                map = l.exact.get(key.scope());
            }
            if (map != null) {
                removeVariant(map, Chains.variant(map.get(k), key.sessionless(), key.route()));
            }
            endEpisodeIfRelieved();
        }
    }

    /** The first active entry of {@code list} matching the subject, in scope order, without qualifiers checked. */
    public Optional<Decision> match(ListKind list, Subject subject) {
        return find(list, subject, null, d -> true).map(StoredDecision::toDecision);
    }

    /**
     * The first active entry of {@code list} that matches the subject and that {@code applies} accepts, in scope
     * order (within a scope: longest CIDR prefix, then longest route prefix, then strongest action first).
     *
     * @param scopes only these scopes, or null for all
     */
    public Optional<StoredDecision> find(ListKind list, Subject subject, Set<Scope> scopes, Predicate<StoredDecision> applies) {
        DecisionIndex l = lists.get(list);
        long now = clock.instant().getEpochSecond();
        for (Scope scope : Scope.values()) {
            if (scopes != null && !scopes.contains(scope)) {
                continue;
            }
            StoredDecision found = switch (scope) {
                case CIDR -> l.matchCidr(subject.ipBytes(), now, applies);
                case ROUTE -> l.matchRoute(subject, now, applies);
                default -> {
                    Object key = subject.keyFor(scope);
                    yield key == null ? null : Chains.first(l.exact.get(scope).get(key), now, applies);
                }
            };
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public Optional<Decision> activeById(String id) {
        UUID uuid = parseUuid(id);
        long now = clock.instant().getEpochSecond();
        StoredDecision[] found = new StoredDecision[1];
        for (DecisionIndex l : lists.values()) {
            l.forEach(e -> {
                if (found[0] == null && e.activeAt(now) && e.hasId(id, uuid)) {
                    found[0] = e;
                }
            });
        }
        return Optional.ofNullable(found[0]).map(StoredDecision::toDecision);
    }

    /** Active entries of a list, optionally filtered by scope and canonical value, oldest first. */
    public List<Decision> active(ListKind list, Scope scope, String value) {
        return active(list, new ListFilter(scope, value, null));
    }

    /** Active entries of a list that {@code filter} accepts, oldest first. */
    public List<Decision> active(ListKind list, ListFilter filter) {
        long now = clock.instant().getEpochSecond();
        List<Decision> out = new ArrayList<>();
        lists.get(list).forEach(e -> {
            if (e.activeAt(now) && filter.matches(e)) {
                out.add(e.toDecision());
            }
        });
        out.sort(Comparator.comparing(Decision::createdAt).thenComparing(Decision::id));
        return out;
    }

    /**
     * A page of the active entries of a list that {@code filter} accepts, newest {@code createdAt} first, ties by id;
     * {@code total} counts every match. Only the page's entries are turned into {@link Decision}s, so a small page
     * of a large list costs one pass over it and a sort of references.
     *
     * @param offset matches skipped (>= 0)
     * @param limit  most entries returned (>= 0; 0 gives only the total)
     */
    public DecisionPage page(ListKind list, ListFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0, were " + offset + " and " + limit);
        }
        long now = clock.instant().getEpochSecond();
        List<StoredDecision> matches = new ArrayList<>();
        lists.get(list).forEach(e -> {
            if (e.activeAt(now) && filter.matches(e)) {
                matches.add(e);
            }
        });
        int total = matches.size();
        if (limit == 0 || offset >= total) {
            return new DecisionPage(List.of(), total);
        }
        record Sorted(long created, String id, StoredDecision entry) {
        }
        List<Sorted> sorted = new ArrayList<>(total);
        for (StoredDecision e : matches) {
            sorted.add(new Sorted(e.createdAtEpochSecond(), e.id(), e));
        }
        sorted.sort(Comparator.comparingLong(Sorted::created).reversed().thenComparing(Sorted::id));
        int end = (int) Math.min(total, (long) offset + limit);
        List<Decision> items = new ArrayList<>(end - offset);
        for (int i = offset; i < end; i++) {
            items.add(sorted.get(i).entry().toDecision());
        }
        return new DecisionPage(items, total);
    }

    /** Whether any entry of an exact-match scope is held (so a check can skip computing that scope's value). */
    public boolean holdsAny(Scope scope) {
        for (DecisionIndex l : lists.values()) {
            Map<Object, StoredDecision> map = l.exact.get(scope);
            if (map != null && !map.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return entries;
    }

    /** Estimated heap bytes held (see {@link DecisionMemory}). */
    public long estimatedBytes() {
        return bytes;
    }

    /** Decisions dropped because memory was full, since start. */
    public long shedDecisions() {
        return shed.get();
    }

    /** Drops expired entries from memory; returns how many. */
    public int purgeExpired() {
        synchronized (writeLock) {
            long now = clock.instant().getEpochSecond();
            int before = entries;
            for (DecisionIndex l : lists.values()) {
                l.forEachChain((map, head) -> {
                    for (StoredDecision e = head; e != null; e = e.next) {
                        if (!e.activeAt(now)) {
                            removeVariant(map, e);
                        }
                    }
                });
            }
            endEpisodeIfRelieved();
            return before - entries;
        }
    }

    private void shedIfFull() {
        if (!over(limits.maxEntries(), limits.maxBytes())) {
            return;
        }
        purgeExpired();
        long lowEntries = limits.maxEntries() - Math.max(1, limits.maxEntries() / 100);
        long lowBytes = limits.maxBytes() - limits.maxBytes() / 100;
        long count = 0;
        for (int round = 0; round < 4 && over(limits.maxEntries(), limits.maxBytes()); round++) {
            List<ShedCandidate> victims = ShedCandidate.lowest(lists.get(ListKind.DECISION), wanted(lowEntries, lowBytes));
            if (victims.isEmpty()) {
                break;
            }
            for (ShedCandidate v : victims) {
                boolean block = v.entry().action() == Action.BLOCK;
                // Non-blocks go down to 99 % so the next writes find room; a block goes only when there is no room at all.
                if (!over(lowEntries, lowBytes) || (block && !over(limits.maxEntries(), limits.maxBytes()))) {
                    break;
                }
                removeVariant(v.map(), v.entry());
                count++;
            }
        }
        if (count > 0) {
            shed.addAndGet(count);
            shedThisEpisode += count;
            if (!sheddingEpisode) {
                sheddingEpisode = true;
                log.warn("decisions.shed episode started: decision memory full (entries={} maxEntries={} bytes~{} maxBytes={}); "
                                + "shedding challenges and monitors soonest-expiring first, blocks only when nothing else is left; shed={}",
                        entries, limits.maxEntries(), bytes, limits.maxBytes(), count);
            }
        }
    }

    private int wanted(long lowEntries, long lowBytes) {
        long byEntries = entries - lowEntries;
        long perEntry = Math.max(1, bytes / Math.max(1, entries));
        long byBytes = bytes > lowBytes ? (bytes - lowBytes) / perEntry + 1 : 0;
        return (int) Math.max(1, Math.min(entries, Math.max(byEntries, byBytes)));
    }

    private boolean over(long maxEntries, long maxBytes) {
        return entries > maxEntries || bytes > maxBytes;
    }

    private void endEpisodeIfRelieved() {
        if (sheddingEpisode && entries < limits.maxEntries() * 0.9 && bytes < limits.maxBytes() * 0.9) {
            log.info("decisions.shed episode ended: entries={} bytes~{} shedThisEpisode={}", entries, bytes, shedThisEpisode);
            sheddingEpisode = false;
            shedThisEpisode = 0;
        }
    }

    private void account(StoredDecision e, int sign) {
        entries += sign;
        bytes += sign * (long) (e.heapBytes() + CompactKeys.heapBytes(e.key) + SLOT_BYTES);
    }

    /** Removes the variant of {@code victim}'s qualifiers from its chain (chains are rebuilt, so never by identity). */
    private void removeVariant(Map<Object, StoredDecision> map, StoredDecision victim) {
        StoredDecision head = victim == null ? null : map.get(victim.key);
        StoredDecision target = Chains.variant(head, victim == null ? false : victim.sessionless(), victim == null ? null : victim.route());
        if (target == null) {
            return;
        }
        StoredDecision rebuilt = Chains.rebuild(head, target, null);
        if (rebuilt == null) {
            map.remove(target.key);
        } else {
            map.put(target.key, rebuilt);
        }
        account(target, -1);
    }

    private static UUID parseUuid(String id) {
        try {
            return id != null && id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
