package ai.fovea.kernels.activation;

/** The exact integer (or table-building float) rule of an 8-bit element-wise op: stored input → stored output. */
@FunctionalInterface
public interface ByteRule {
  int apply(int stored);
}
