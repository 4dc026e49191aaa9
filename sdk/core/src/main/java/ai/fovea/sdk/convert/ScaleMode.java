package ai.fovea.sdk.convert;

/** How the region of interest is fitted into the model's input size. */
public enum ScaleMode {
  /** Scale each axis independently to fill the input; the aspect ratio changes. */
  STRETCH,
  /** Keep the aspect ratio, fit the whole region, centre it and pad the rest with the padding value. */
  LETTERBOX,
  /** Keep the aspect ratio, fill the whole input, and cut the overflowing sides of the region equally. */
  CENTER_CROP
}
