package io.edgeward.console.figures.internal;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB instance of the figures. Each window store is a few RocksDB instances a
 * partition (one per segment), and by default each would get its own 50 MB block cache and up to 48 MB of
 * memtables: dozens of instances, gigabytes at worst, for a console. Here they share one cache of
 * {@link #TOTAL_BYTES}, of which memtables may take {@link #MEMTABLE_BYTES} (the Kafka Streams "bounded memory"
 * recipe). The shared objects live as long as the JVM, so they are never closed per store.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    static final long TOTAL_BYTES = 192L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 64L * 1024 * 1024;

    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(8L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: nothing to close per store
    }
}
