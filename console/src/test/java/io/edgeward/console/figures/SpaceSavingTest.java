package io.edgeward.console.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.console.figures.internal.SpaceSaving;
import io.edgeward.console.figures.internal.TopMerge;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceSavingTest {

    @Test
    void counts_are_exact_while_the_values_fit() {
        SpaceSaving s = new SpaceSaving(3);
        s.offer("a");
        s.offer("b");
        s.offer("a");

        Map<String, Long> counts = new HashMap<>();
        s.forEach(counts::put);
        assertThat(counts).containsOnly(Map.entry("a", 2L), Map.entry("b", 1L));
        assertThat(s.minCount()).isZero();
    }

    @Test
    void a_value_above_its_share_is_always_kept_and_never_under_counted() {
        SpaceSaving s = new SpaceSaving(20);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Long> truth = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String v = random.nextInt(10) == 0 ? "heavy" : "v" + random.nextInt(100_000);
            truth.merge(v, 1L, Long::sum);
            s.offer(v);
        }

        Map<String, Long> kept = new HashMap<>();
        s.forEach(kept::put);
        assertThat(kept).hasSizeLessThanOrEqualTo(20).containsKey("heavy");
        kept.forEach((v, c) -> assertThat(c).as(v).isGreaterThanOrEqualTo(truth.get(v)));
    }

    @Test
    void merging_windows_never_ranks_a_value_under_its_true_total() {
        SpaceSaving full = new SpaceSaving(2);
        full.offer("x", 5);
        full.offer("y", 4);
        full.offer("z", 1); // replaces y's counter: z is over-counted to 5, y may have been seen up to 5 times
        SpaceSaving other = new SpaceSaving(2);
        other.offer("y", 3);

        TopMerge merge = new TopMerge();
        merge.add(full);
        merge.add(other);

        var top = merge.top(10);
        long y = top.stream().filter(e -> e.value().equals("y")).findFirst().orElseThrow().count();
        assertThat(y).isGreaterThanOrEqualTo(4 + 3);
    }

    @Test
    void a_summary_reads_back_what_was_written() throws Exception {
        SpaceSaving s = new SpaceSaving(4);
        for (String v : new String[] {"a", "b", "a", "c", "d", "e", "a"}) {
            s.offer(v);
        }
        var bytes = new java.io.ByteArrayOutputStream();
        s.write(new java.io.DataOutputStream(bytes));
        SpaceSaving back = SpaceSaving.read(new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())));

        Map<String, Long> a = new HashMap<>();
        Map<String, Long> b = new HashMap<>();
        s.forEach(a::put);
        back.forEach(b::put);
        assertThat(b).isEqualTo(a);
        back.offer("f");
        assertThat(back.size()).isEqualTo(4);
    }
}
