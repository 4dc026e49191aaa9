package ai.fovea.desktop.bench;

import ai.fovea.kernels.gemm.GemmKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a benchmark ran on: CPU model (from /proc/cpuinfo on Linux), cores the JVM sees, JVM (with the GEMM kernels
 * it picked) and OS.
 */
public final class MachineInfo {
  private final String cpu;
  private final int cores;
  private final String jvm;
  private final String os;

  private MachineInfo(String cpu, int cores, String jvm, String os) {
    this.cpu = cpu;
    this.cores = cores;
    this.jvm = jvm;
    this.os = os;
  }

  public static MachineInfo current() {
    return new MachineInfo(cpuModel().orElse(System.getProperty("os.arch")), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", GEMM kernels "
            + GemmKernels.floating().name() + " (float) / " + GemmKernels.quantized().name() + " (8-bit)",
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public String cpu() {
    return cpu;
  }

  public int cores() {
    return cores;
  }

  public String jvm() {
    return jvm;
  }

  public String os() {
    return os;
  }
}
