package ai.fovea.desktop.verify;

/** How many cases to generate: a representative handful for unit tests, the whole grid for ./fovea verify. */
public enum Scale {
  QUICK,
  FULL
}
