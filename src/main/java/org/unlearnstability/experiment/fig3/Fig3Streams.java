package org.unlearnstability.experiment.fig3;

/**
 * The addresses of Figure 3's random streams below the spec's seed ({@code RandomStreams.stream(seed, ...)}):
 * each stream is fixed by what it draws and by its cell, never by thread order.
 */
final class Fig3Streams {
    /** The train/test split. */
    static final long SPLIT = 1;
    /** The initial weights w_0 (shared by every training and retraining). */
    static final long INIT = 2;
    /** The order in which a forget kind picks its samples: (FORGET, kind). */
    static final long FORGET = 3;
    /** The perturbation of w*: (PERTURBATION, kind, size). */
    static final long PERTURBATION = 4;
    /** The batches of a real unlearning run: (UNLEARNING, kind, size, eta index, start, repeat). */
    static final long UNLEARNING = 5;
    /** The linearised simulation: (LINEARISED, kind, size, eta index). */
    static final long LINEARISED = 6;

    private Fig3Streams() {
    }
}
