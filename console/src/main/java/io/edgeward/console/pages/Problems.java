package io.edgeward.console.pages;

/** How a failure to read the figures is told to the operator (the figures' exceptions are not theirs to decode). */
final class Problems {

    private Problems() {
    }

    static String figures(RuntimeException e) {
        return "The figures are not available right now (" + e.getClass().getSimpleName()
                + "). They come from Kafka and may still be loading; reload in a moment.";
    }
}
