package io.edgeward.protector.goodbots;

/** What we know about a request's claim to be a good bot. */
public sealed interface GoodBotStatus {

    /** The user agent claims no configured bot. */
    record NotClaimed() implements GoodBotStatus {
    }

    /** The claim holds: the address is listed ({@code how} = "cidr") or passed FCrDNS ("rdns"). */
    record Verified(String bot, String how) implements GoodBotStatus {
    }

    /** The claim is being verified in the background; answer by the other rules for now. */
    record Pending(String bot) implements GoodBotStatus {
    }

    /** The claim failed verification: someone is borrowing a good bot's name. */
    record Unverified(String bot) implements GoodBotStatus {
    }

    NotClaimed NOT_CLAIMED = new NotClaimed();
}
