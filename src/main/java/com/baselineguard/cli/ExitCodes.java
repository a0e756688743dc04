package com.baselineguard.cli;

/** The command line's exit codes. */
final class ExitCodes {

    /** Nothing fails. */
    static final int OK = 0;
    /** At least one rule fails. */
    static final int NON_COMPLIANT = 1;
    /** Bad input, bad settings or bad usage. */
    static final int BAD_INPUT = 2;
    /**
     * {@code remediate}: the resource named on the command line does not exist (a typo in a pipeline
     * must not pass). The same code the Azure CLI's {@code show} commands give for a missing resource.
     * An event or a sweep that meets a deleted resource ends {@code gone} and succeeds.
     */
    static final int NOT_FOUND = 3;

    private ExitCodes() {
    }
}
