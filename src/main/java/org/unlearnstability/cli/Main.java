package org.unlearnstability.cli;

/** Entry point placeholder during bootstrap. */
public final class Main {
    private Main() {
    }

    /** @param args command line */
    public static void main(String[] args) {
        System.out.println("bootstrap");
    }
}
