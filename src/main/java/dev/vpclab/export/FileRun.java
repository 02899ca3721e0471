package dev.vpclab.export;

import dev.vpclab.notebook.Notebook;

/** One scenario file and what running it gave. */
public record FileRun(String name, Notebook.Result result) {}
