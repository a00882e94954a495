package org.unlearnstability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Source says what the code does and which part of the paper it implements, never which work item brought it:
 * issue numbers mean nothing to the next reader and go stale. Checks the main sources for them.
 */
class IssueReferencesTest {
    private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues?\\s*#?\\d+");

    @Test
    void mainSourcesNameNoIssueNumbers() {
        assertEquals(List.of(), MainSources.matching(ISSUE, f -> true), "issue numbers in main sources");
    }

    @Test
    void theCheckFindsAnIssueNumber() {
        Matcher matcher = ISSUE.matcher(" * The product as it was before Issue 13, one row at a time");
        assertTrue(matcher.find());
    }
}
