package io.edgeward.protector.decision;

import java.util.List;

/** One page of a list's active entries and {@code total}, the number of entries matching before paging. */
public record DecisionPage(List<Decision> items, int total) {

    public DecisionPage {
        items = List.copyOf(items);
    }
}
