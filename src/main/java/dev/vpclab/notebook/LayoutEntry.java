package dev.vpclab.notebook;

import dev.vpclab.model.Layout;
import dev.vpclab.model.LayoutDef;

/** A layout of the session: as written, and as built (null when it has errors). */
public record LayoutEntry(LayoutDef def, Layout layout) {}
