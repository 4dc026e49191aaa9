package ai.fovea.desktop.image;

import ai.fovea.sdk.frame.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Image files on the desktop: PNG and JPEG in (through ImageIO, any colour model, as packed ARGB), PNG out, and
 * the images of a directory. An input that cannot be decoded is an {@link UnreadableImageException} naming the
 * file and why, never a null image.
 */
public final class ImageFiles {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

  private ImageFiles() {}

  /** Decodes a PNG or JPEG file into an ARGB image. */
  public static BufferedImage read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableImageException("cannot read image " + file + ": no such file", null);
    }
    BufferedImage decoded;
    try {
      decoded = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      // ImageIO reports truncated or corrupt data with IIOException, and some decoders with runtime exceptions.
      throw new UnreadableImageException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    if (decoded == null) {
      throw new UnreadableImageException("cannot read image " + file + ": not a PNG or JPEG file", null);
    }
    return toArgb(decoded);
  }

  /** The image as TYPE_INT_ARGB (the same object when it already is one). */
  public static BufferedImage toArgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
      return image;
    }
    BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    argb.createGraphics().drawImage(image, 0, 0, null);
    return argb;
  }

  /** An upright ARGB frame over a copy of the image's pixels. */
  public static Frame toFrame(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return Frame.argb(image.getRGB(0, 0, w, h, null, 0, w), w, h).build();
  }

  /** Decodes a file straight into a frame. */
  public static Frame readFrame(Path file) {
    return toFrame(read(file));
  }

  /** Writes the image as PNG, creating parent directories. */
  public static void writePng(BufferedImage image, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer for image type " + image.getType());
    }
  }

  /** Is the name one of the extensions read here (.png, .jpg, .jpeg, any case)? */
  public static boolean hasImageExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * A file as a one-element list, or a directory's image files (by extension, not recursive) sorted by name.
   * A path that does not exist or a directory without images is an {@link UnreadableImageException}.
   */
  public static List<Path> list(Path fileOrDirectory) {
    if (!Files.exists(fileOrDirectory)) {
      throw new UnreadableImageException("cannot read image " + fileOrDirectory + ": no such file", null);
    }
    if (!Files.isDirectory(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    List<Path> images;
    try (Stream<Path> entries = Files.list(fileOrDirectory)) {
      images = entries.filter(p -> Files.isRegularFile(p) && hasImageExtension(p)).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fileOrDirectory + ": " + e.getMessage(), e);
    }
    if (images.isEmpty()) {
      throw new UnreadableImageException("no .png, .jpg or .jpeg files in directory " + fileOrDirectory, null);
    }
    return images;
  }
}
