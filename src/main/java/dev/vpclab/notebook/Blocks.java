package dev.vpclab.notebook;

import java.util.ArrayList;
import java.util.List;

/** Builds a cell's blocks in order: text appended until another block comes joins one block. */
final class Blocks {
  private final List<Block> blocks = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  /** Appends to the current text block. */
  Blocks text(Object s) {
    text.append(s);
    return this;
  }

  Blocks add(Block b) {
    flush();
    blocks.add(b);
    return this;
  }

  Blocks table(Table t) {
    return add(new Block.TableBlock(t));
  }

  /** {@code label: line} per line (nothing when there are none). */
  Blocks notes(String label, List<String> lines) {
    return lines.isEmpty() ? this : add(new Block.Notes(label, lines));
  }

  List<Block> build() {
    flush();
    return List.copyOf(blocks);
  }

  private void flush() {
    if (text.length() > 0) {
      blocks.add(new Block.Text(text.toString()));
      text.setLength(0);
    }
  }
}
