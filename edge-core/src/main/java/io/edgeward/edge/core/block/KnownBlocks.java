package io.edgeward.edge.core.block;

import io.edgeward.edge.core.config.BlockConfig;
import io.edgeward.edge.core.decision.Action;
import io.edgeward.edge.core.decision.ProtectorAnswer;
import io.edgeward.edge.core.net.IpText;
import io.edgeward.edge.core.session.Session;

/**
 * Blocks already known at the edge (DESIGN "Blocks hold"; docs/contracts.md C2, C3): a block answer for a stored
 * decision is carried in the re-issued cookie ({@code bu}, {@code bs}, {@code ba}) and remembered in the
 * environment's {@link BlockCache}, each until {@code min(blockUntil, now + blocks.carryMax)}, so the edge keeps
 * blocking with no Protector call, also while Protector is down.
 *
 * <p>Narrow by design, so a blocked client cannot get others blocked:
 * <ul>
 *   <li>an address-scoped block ({@code ip}, {@code cidr}) carried in a cookie holds only while the request comes
 *       from that address; any other carried scope holds for the session that carries it;</li>
 *   <li>the address cache holds an address-scoped block for requests from that address without a usable cookie,
 *       and for established sessions from it only while Protector is unavailable (otherwise they are asked about,
 *       since Protector knows the decision's qualifiers, such as {@code sessionless}); a {@code user_agent},
 *       {@code asn} or {@code country} block (attributes every request from that address with that user agent
 *       shares) only for requests from that address, with the same user-agent binding, and without a usable cookie.
 *       A {@code session}, {@code ja4} or {@code campaign} block is not cached: another browser behind the same NAT
 *       with the same user agent is not the same actor;</li>
 *   <li>a {@code route} block applies to one route only and is neither carried nor cached; neither is a block
 *       without a scope (a request-time rule judged this one request).</li>
 * </ul>
 */
public final class KnownBlocks {

    /** The cookie's {@code ba} claim is bounded (SessionCookieCodec); CloudFront's addresses are far shorter. */
    static final int MAX_ADDRESS_LENGTH = 64;

    private final long carryMaxSeconds;
    private final BlockCache cache;

    public KnownBlocks(BlockConfig config) {
        this.carryMaxSeconds = config.carryMaxSeconds();
        this.cache = new BlockCache(config.cacheEntries());
    }

    public BlockCache cache() {
        return cache;
    }

    public static boolean addressScoped(String scope) {
        return "ip".equals(scope) || "cidr".equals(scope);
    }

    /**
     * The block to enforce before anything else for this request, or null. {@code session} is the visitor's usable
     * session (null without one): its own carried block holds; the address cache is consulted here only for a
     * visitor without a usable cookie ({@code userAgentHash} is its binding). An established session is asked about
     * first, since Protector knows the qualifiers of the decision behind a cached block, and meets the address cache
     * only when Protector is unavailable ({@link #forAddress}).
     */
    public HeldBlock before(Session session, String clientIp, String userAgentHash, long nowSeconds) {
        if (session != null) {
            return carried(session, clientIp, nowSeconds);
        }
        if (cache.isEmpty()) {
            return null;
        }
        HeldBlock address = forAddress(clientIp, nowSeconds);
        if (address != null || userAgentHash == null) {
            return address;
        }
        BlockCache.Entry entry = cache.get(agentKey(clientIp, userAgentHash), nowSeconds);
        return entry == null ? null : new HeldBlock(HeldBlock.ADDRESS_CACHE, entry.scope(), entry.until());
    }

    /** The block the cookie carries, if it holds for this address now. */
    public HeldBlock carried(Session session, String clientIp, long nowSeconds) {
        if (session == null || !session.blockLiveAt(nowSeconds)) {
            return null;
        }
        String blockAddress = session.blockAddress();
        if (addressScoped(session.blockScope())
                && (blockAddress == null || !address(blockAddress).equals(address(clientIp)))) {
            return null;
        }
        return new HeldBlock(HeldBlock.COOKIE, session.blockScope(), session.blockedUntil());
    }

    /** An address-scoped block remembered for this address (also consulted when Protector is unavailable). */
    public HeldBlock forAddress(String clientIp, long nowSeconds) {
        BlockCache.Entry entry = cache.get(addressKey(clientIp), nowSeconds);
        return entry == null ? null : new HeldBlock(HeldBlock.ADDRESS_CACHE, entry.scope(), entry.until());
    }

    /**
     * Remembers a block answer and returns the session to re-issue, carrying it; any other answer, a block without
     * a scope or a {@code route} block returns {@code session} unchanged.
     */
    public Session remember(ProtectorAnswer answer, Session session, String clientIp, long nowSeconds) {
        String scope = answer.blockScope();
        if (answer.blockUntil() > 0 && answer.blockUntil() <= nowSeconds) {
            return session;
        }
        if (scope == null || scope.isEmpty() || "route".equals(scope) || answer.action() != Action.BLOCK) {
            return session;
        }
        long until = nowSeconds + carryMaxSeconds;
        if (answer.blockUntil() > 0) {
            until = Math.min(until, answer.blockUntil());
        }
        boolean byAddress = addressScoped(scope);
        if (byAddress) {
            cache.put(addressKey(clientIp), until, scope, nowSeconds);
        } else if (sharedByAgent(scope)) {
            cache.put(agentKey(clientIp, session.userAgentHash()), until, scope, nowSeconds);
        }
        if (byAddress && clientIp.length() > MAX_ADDRESS_LENGTH) {
            return session;
        }
        return session.blocked(until, scope, byAddress ? address(clientIp) : null);
    }

    /** Scopes whose decision covers every request of one user agent from one address. */
    static boolean sharedByAgent(String scope) {
        return "user_agent".equals(scope) || "asn".equals(scope) || "country".equals(scope);
    }

    private static String addressKey(String clientIp) {
        return "a|" + address(clientIp);
    }

    private static String agentKey(String clientIp, String userAgentHash) {
        return "u|" + address(clientIp) + "|" + userAgentHash;
    }

    /** The canonical text of an address; anything else (CloudFront always sends an address) as it is. */
    private static String address(String clientIp) {
        String canonical = IpText.canonical(clientIp);
        return canonical == null ? clientIp : canonical;
    }
}
