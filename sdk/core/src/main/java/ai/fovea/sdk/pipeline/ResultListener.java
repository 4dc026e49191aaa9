package ai.fovea.sdk.pipeline;

import ai.fovea.sdk.frame.Frame;

/**
 * Receives a {@link FramePipeline}'s results on its worker thread, in frame order; the frame is valid during the
 * call and released right after it. Keep it short (hand results to the UI thread): the next frame waits.
 *
 * @param <R> the result type
 */
public interface ResultListener<R> {
  /** The result of processing {@code frame}. */
  void onResult(Frame frame, R result);

  /** Processing {@code frame} threw {@code error}; the pipeline goes on with the next frame. */
  void onError(Frame frame, RuntimeException error);
}
