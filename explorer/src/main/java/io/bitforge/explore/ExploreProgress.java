package io.bitforge.explore;

/** Progress of a run, for a progress bar or periodic lines. Called from the run's own thread. */
public interface ExploreProgress {
    ExploreProgress NONE = new ExploreProgress() {
        @Override
        public void start(long designs) {
        }

        @Override
        public void step(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /** The run will consider about this many designs. */
    void start(long designs);

    /** Designs considered so far (stored, skipped or rejected). */
    void step(long done);

    void finish();
}
