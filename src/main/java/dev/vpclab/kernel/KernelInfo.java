package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;
import java.util.List;

/** The kernel_info_reply: the language, the protocol, a banner. */
final class KernelInfo {
  private KernelInfo() {}

  static Json.Obj content(String version) {
    return Json.obj()
        .put("status", "ok")
        .put("protocol_version", Wire.VERSION)
        .put("implementation", "vpclab")
        .put("implementation_version", version)
        .put("language_info", Json.obj()
            .put("name", "vpclab")
            .put("version", version)
            .put("mimetype", "text/x-vpclab")
            .put("file_extension", ".vpc"))
        .put("banner", "vpclab " + version + ": cost and resilience of AWS VPC designs.\n"
            + "Type layout statements and queries; %help for help.")
        .put("help_links", Json.arr(List.of()));
  }
}
