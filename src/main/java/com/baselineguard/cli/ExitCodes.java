package com.baselineguard.cli;

/** The command line's exit codes. */
final class ExitCodes {

    /** Nothing fails. */
    static final int OK = 0;
    /** At least one rule fails. */
    static final int NON_COMPLIANT = 1;
    /** Bad input, bad settings or bad usage. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
