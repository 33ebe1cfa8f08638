package io.edgeward.console.figures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SolveHistogramTest {

    @Test
    void every_time_reads_back_within_its_buckets_precision() {
        for (long v = 0; v < 3_000_000; v += 997) {
            long back = SolveHistogram.midpoint(SolveHistogram.index(v));
            assertThat((double) Math.abs(back - v)).as("%d read back as %d", v, back)
                    .isLessThanOrEqualTo(Math.max(0.5, v * 0.016));
        }
    }

    @Test
    void absurd_times_land_in_the_last_bucket_and_never_grow_the_histogram() {
        SolveHistogram h = new SolveHistogram();
        h.add(Long.MAX_VALUE);
        h.add(-5);

        assertThat(SolveHistogram.index(SolveHistogram.MAX_MILLIS)).isEqualTo(SolveHistogram.BUCKETS - 1);
        assertThat(h.percentile(1.0)).isEqualTo(SolveHistogram.midpoint(SolveHistogram.BUCKETS - 1));
        assertThat(h.percentile(0.5)).isZero();
        assertThat(h.count()).isEqualTo(2);
    }

    @Test
    void an_empty_histogram_has_no_percentile() {
        assertThat(new SolveHistogram().percentile(0.5)).isNull();
    }
}
