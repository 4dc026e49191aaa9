package ai.fovea.models.graph;

/** A model uses an op, or an op/type combination, that this engine cannot run; thrown at load, never at run. */
public class UnsupportedOpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedOpException(String message) {
    super(message);
  }
}
