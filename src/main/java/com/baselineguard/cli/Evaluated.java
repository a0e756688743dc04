package com.baselineguard.cli;

import com.baselineguard.engine.ResourceReport;
import java.nio.file.Path;

/** One resource's report and where the resource was read from (the input as shown, the line of its id). */
record Evaluated(ResourceReport report, Path file, int line) {
}
