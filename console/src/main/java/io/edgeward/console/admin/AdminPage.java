package io.edgeward.console.admin;

import java.util.List;

/** One page of a list and how many entries matched before paging (contract C2). */
public record AdminPage(List<AdminEntry> items, long total) {
}
