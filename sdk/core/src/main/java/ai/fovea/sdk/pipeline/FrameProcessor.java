package ai.fovea.sdk.pipeline;

import ai.fovea.sdk.frame.Frame;

/**
 * What a {@link FramePipeline} does with each frame, e.g. {@code classifier::process} or {@code detector::process}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface FrameProcessor<R> {
  R process(Frame frame);
}
