package io.edgeward.protector.decision;

import io.edgeward.env.net.IpAddress;
import java.time.Instant;
import java.util.UUID;

/**
 * A decision as held in memory: about 64 bytes beside its key. Times are whole epoch seconds in ints (offset from
 * 2020, good until 2088), reason, source and route are interned, a UUID id is two longs. The decisions that share
 * one scope value (they differ by qualifiers) form an immutable chain through {@link #next}, strongest action first.
 * {@link #toDecision()} gives back the full record (times at second precision).
 */
public final class StoredDecision {

    static final long EPOCH_BASE = 1_577_836_800L; // 2020-01-01T00:00:00Z
    private static final int NO_EXPIRY = 0;

    private static final int ACTION_MASK = 0x3;
    private static final int SESSIONLESS = 0x4;
    private static final int ADMIN = 0x8;
    private static final int ALLOWLIST = 0x10;
    private static final int UUID_ID = 0x20;
    private static final int ALLOW_AUTOMATION = 0x40;

    final Object key;
    final StoredDecision next;
    private final String reason;
    private final String source;
    private final String idText;
    private final RouteSpec route;
    private final long idHi;
    private final long idLo;
    private final int created;
    private final int expires;
    private final byte scope;
    private final byte flags;
    private final byte prefixLength;

    private StoredDecision(StoredDecision from, StoredDecision next) {
        this.key = from.key;
        this.next = next;
        this.reason = from.reason;
        this.source = from.source;
        this.idText = from.idText;
        this.route = from.route;
        this.idHi = from.idHi;
        this.idLo = from.idLo;
        this.created = from.created;
        this.expires = from.expires;
        this.scope = from.scope;
        this.flags = from.flags;
        this.prefixLength = from.prefixLength;
    }

    StoredDecision(Decision d, Object key, int prefixLength, Interner interner) {
        this.key = key;
        this.next = null;
        this.reason = interner.intern(d.reason());
        this.source = interner.intern(d.source());
        this.route = interner.intern(d.route());
        UUID uuid = uuid(d.id());
        this.idText = uuid == null ? d.id() : null;
        this.idHi = uuid == null ? 0 : uuid.getMostSignificantBits();
        this.idLo = uuid == null ? 0 : uuid.getLeastSignificantBits();
        this.created = toStored(d.createdAt().getEpochSecond());
        this.expires = d.expiresAt() == null ? NO_EXPIRY : Math.max(1, toStored(ceilSeconds(d.expiresAt())));
        this.scope = (byte) d.scope().ordinal();
        this.flags = (byte) (d.action().ordinal()
                | (d.sessionless() ? SESSIONLESS : 0)
                | (d.fromAdmin() ? ADMIN : 0)
                | (d.list() == ListKind.ALLOWLIST ? ALLOWLIST : 0)
                | (d.list() == ListKind.ALLOW_AUTOMATION ? ALLOW_AUTOMATION : 0)
                | (uuid != null ? UUID_ID : 0));
        this.prefixLength = (byte) prefixLength;
    }

    StoredDecision withNext(StoredDecision newNext) {
        return new StoredDecision(this, newNext);
    }

    public String id() {
        return (flags & UUID_ID) != 0 ? new UUID(idHi, idLo).toString() : idText;
    }

    public Scope scope() {
        return Scope.values()[scope];
    }

    public Action action() {
        return Action.values()[flags & ACTION_MASK];
    }

    public ListKind list() {
        if ((flags & ALLOW_AUTOMATION) != 0) {
            return ListKind.ALLOW_AUTOMATION;
        }
        return (flags & ALLOWLIST) != 0 ? ListKind.ALLOWLIST : ListKind.DECISION;
    }

    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    /** Whether an administrator made it ({@code source} is {@code admin}), rather than detection. */
    public boolean fromAdmin() {
        return (flags & ADMIN) != 0;
    }

    public boolean sessionless() {
        return (flags & SESSIONLESS) != 0;
    }

    /** The route qualifier, or null. */
    public RouteSpec route() {
        return route;
    }

    public long createdAtEpochSecond() {
        return created + EPOCH_BASE;
    }

    /** Epoch second of expiry, or 0 when it never expires. */
    public long expiresAtEpochSecond() {
        return expires == NO_EXPIRY ? 0 : expires + EPOCH_BASE;
    }

    public boolean activeAt(long nowEpochSecond) {
        return expires == NO_EXPIRY || nowEpochSecond < expires + EPOCH_BASE;
    }

    boolean hasId(String id, UUID parsed) {
        return (flags & UUID_ID) != 0
                ? parsed != null && parsed.getMostSignificantBits() == idHi && parsed.getLeastSignificantBits() == idLo
                : idText.equals(id);
    }

    boolean sameQualifiers(boolean sessionless, RouteSpec route) {
        return sessionless() == sessionless && java.util.Objects.equals(this.route, route);
    }

    public String value() {
        Scope s = scope();
        if (s == Scope.CIDR) {
            return IpAddress.ofBytes(CompactKeys.bytes(key)) + "/" + (prefixLength & 0xff);
        }
        return s == Scope.ROUTE ? key.toString() : CompactKeys.value(s, key);
    }

    public Decision toDecision() {
        long exp = expiresAtEpochSecond();
        return new Decision(id(), list(), scope(), value(), action(), reason, source,
                Instant.ofEpochSecond(createdAtEpochSecond()), exp == 0 ? null : Instant.ofEpochSecond(exp),
                sessionless(), route);
    }

    public DecisionKey decisionKey() {
        return new DecisionKey(list(), scope(), value(), sessionless(), route);
    }

    /** Rough heap bytes of this entry and what it alone holds (not the interned strings), for the byte bound. */
    int heapBytes() {
        return 64 + (idText == null ? 0 : 40 + idText.length());
    }

    private static UUID uuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID u = UUID.fromString(id);
            return u.toString().equals(id) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long ceilSeconds(Instant t) {
        return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
    }

    private static int toStored(long epochSecond) {
        long offset = epochSecond - EPOCH_BASE;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, offset));
    }
}
