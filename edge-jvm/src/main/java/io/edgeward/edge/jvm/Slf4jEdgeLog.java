package io.edgeward.edge.jvm;

import io.edgeward.edge.core.port.EdgeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The EdgeLog port through SLF4J. */
public final class Slf4jEdgeLog implements EdgeLog {

    private final Logger logger;

    public Slf4jEdgeLog(String name) {
        this.logger = LoggerFactory.getLogger(name);
    }

    @Override
    public void info(String message) {
        logger.info("{}", message);
    }

    @Override
    public void warn(String message) {
        logger.warn("{}", message);
    }
}
