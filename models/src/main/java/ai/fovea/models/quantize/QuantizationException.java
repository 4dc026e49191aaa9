package ai.fovea.models.quantize;

/** A float model cannot be quantized as asked: an op the quantizer has no int8 rule for, or conflicting rules. */
public final class QuantizationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuantizationException(String message) {
    super(message);
  }
}
