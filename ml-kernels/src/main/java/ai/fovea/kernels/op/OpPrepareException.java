package ai.fovea.kernels.op;

/** An op's parameters or tensors do not fit together; the message names the op and the bad value. */
public class OpPrepareException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public OpPrepareException(String op, String problem) {
    super(op + ": " + problem);
  }
}
