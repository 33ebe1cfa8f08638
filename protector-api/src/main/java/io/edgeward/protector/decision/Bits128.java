package io.edgeward.protector.decision;

/** 128 bits as two longs: the compact in-memory key of an IPv6 address or network and of a session id. */
record Bits128(long hi, long lo) {

    static Bits128 of(byte[] sixteen) {
        return new Bits128(longAt(sixteen, 0), longAt(sixteen, 8));
    }

    byte[] toBytes() {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (hi >>> (56 - 8 * i));
            out[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return out;
    }

    private static long longAt(byte[] b, int from) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[from + i] & 0xff);
        }
        return v;
    }
}
