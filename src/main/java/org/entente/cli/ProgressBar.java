package org.entente.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error for work that takes longer than a second: silent for the first second,
 * then redrawn at most ten times a second. It reads the clock only to decide when to draw.
 */
final class ProgressBar {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    synchronized void update(long done) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastDrawn < REDRAW_NANOS && done < total) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        err.printf("\r%s [%s%s] %3d%% (%,d/%,d)", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * done / Math.max(1, total), done, total);
        err.flush();
    }

    synchronized void finish() {
        if (drawn) {
            update(total);
            err.println();
            err.flush();
        }
    }
}
