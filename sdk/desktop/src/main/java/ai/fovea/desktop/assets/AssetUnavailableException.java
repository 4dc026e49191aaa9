package ai.fovea.desktop.assets;

/**
 * A published model or photograph is not in the cache and could not be fetched (npm or apt-get missing or
 * offline, the package gone) or what was fetched does not have the pinned SHA-256. The message says which asset,
 * what happened and what the user can do; nothing partial is left in the cache.
 */
public class AssetUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AssetUnavailableException(String message) {
    super(message);
  }

  public AssetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
