package ai.fovea.desktop.demo;

import java.awt.image.BufferedImage;

/** A picture the demo runs a task on: a short name for files and lines, the pixels, and what it shows (or null). */
public record DemoPicture(String name, BufferedImage image, String truth) {
  public DemoPicture {
    if (name == null || name.isEmpty() || image == null) {
      throw new IllegalArgumentException("a demo picture needs a name and an image, got " + name);
    }
  }
}
