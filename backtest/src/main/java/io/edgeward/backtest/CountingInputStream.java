package io.edgeward.backtest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Tells how many bytes have been read so far, for the progress bar. */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer total;
    private long count;

    CountingInputStream(InputStream in, LongConsumer total) {
        super(in);
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            total.accept(++count);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            total.accept(count);
        }
        return n;
    }
}
