package io.edgeward.console.figures.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures' stores have no changelog, so an instance that lost its state directory (a new container, a wiped
 * disk) has nothing to restore; its group's committed positions would make it start at the end and show empty pages.
 * Forgetting those positions lets the sources' reset rule apply instead: an hour of logs and a day of detections and
 * challenges are read again. With the state directory in place, positions and stores agree and nothing is forgotten.
 */
public final class FreshStart {

    private static final Logger log = LoggerFactory.getLogger(FreshStart.class);

    private FreshStart() {
    }

    /** Whether {@code stateDir} holds no task state of {@code applicationId}. */
    public static boolean hasNoState(Path stateDir, String applicationId) {
        Path appDir = stateDir.resolve(applicationId);
        if (!Files.isDirectory(appDir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(appDir)) {
            // task directories are named <subtopology>_<partition>
            return entries.noneMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d+_\\d+"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the figures' state directory " + appDir, e);
        }
    }

    /** Deletes the group's committed positions; another running instance of the group keeps them (and a warning). */
    public static void forgetPositions(Properties clientProperties, String applicationId) {
        try (Admin admin = Admin.create(clientProperties)) {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
            log.info("console figures: no local state, so the group's positions were dropped and recent records are "
                    + "read again: app={}", applicationId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupNotEmptyException) {
                log.warn("console figures: no local state, but another instance of app={} is running; its positions "
                        + "are kept and the figures start from them", applicationId);
            } else if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                log.warn("console figures: could not drop the positions of app={}: {}", applicationId, e.getCause()
                        .toString());
            }
        } catch (TimeoutException e) {
            log.warn("console figures: Kafka did not drop the positions of app={} within 30 s", applicationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
