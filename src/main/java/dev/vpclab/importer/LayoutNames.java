package dev.vpclab.importer;

/** Whether a name given on the command line can name the imported layout. */
public final class LayoutNames {
  private LayoutNames() {}

  public static boolean valid(String name) {
    return !name.isEmpty() && Names.fit(name).equals(name)
        && !dev.vpclab.lang.Keywords.isKeyword(name);
  }
}
