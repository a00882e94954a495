package org.unlearnstability.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.unlearnstability.report.OutputDirectory;

/** The fail-fast check of an output directory option, made before any computation starts. */
final class WritableDirectory {
    private WritableDirectory() {
    }

    /**
     * @param option the option, such as {@code --out}
     * @param directory its value
     * @throws UsageException one line naming the option, the path and why it cannot be written
     */
    static void require(String option, Path directory) {
        Optional<String> reason = OutputDirectory.unwritable(directory);
        if (reason.isPresent()) {
            throw new UsageException(option + " " + directory + ": " + reason.get());
        }
    }
}
