package com.baselineguard.cli;

import com.baselineguard.engine.ResourceReport;
import com.baselineguard.rules.Status;
import java.nio.file.Path;
import java.util.List;

/** The result of one {@code evaluate} invocation: a report per resource read, and the input problems. */
record EvaluationRun(List<Evaluated> resources, List<ExportReader.Ignored> ignored,
        List<ExportReader.InputError> errors) {

    /** One resource's report and where the resource was read from. */
    record Evaluated(ResourceReport report, Path file, int line) {
    }

    long count(Status status) {
        return resources.stream().mapToLong(r -> r.report().count(status)).sum();
    }

    long plannedSteps() {
        return resources.stream().mapToLong(r -> r.report().plan().steps().size()).sum();
    }

    boolean anyFailure() {
        return resources.stream().anyMatch(r -> r.report().failed());
    }

    /** 2 on bad input, else 1 when a rule fails, else 0. */
    int exitCode() {
        if (!errors.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        return anyFailure() ? ExitCodes.NON_COMPLIANT : ExitCodes.OK;
    }
}
