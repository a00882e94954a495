package org.unlearnstability.definitions.units;

import javax.annotation.processing.SupportedOptions;
import org.checkerframework.checker.units.UnitsChecker;
import org.checkerframework.framework.qual.StubFiles;
import org.checkerframework.framework.source.SuppressWarningsPrefix;

/**
 * The Units Checker with the paper's units (see {@code org.unlearnstability.definitions.units}): the stock
 * checker's products and quotients extended by {@link PaperUnitsRelations}, comparisons, sums and differences of
 * different units reported ({@link PaperUnitsVisitor}), and Math.max, min and abs unit-polymorphic (math.astub).
 * It is build tooling: compiled with the tests, run over the main code by the {@code units-check} execution of
 * {@code mvn verify}, never shipped in the jar. Its warnings are suppressed with the key {@code units}.
 */
@StubFiles("math.astub")
@SupportedOptions({"units", "unitsDirs"}) // the stock checker's options, read by its type factory
@SuppressWarningsPrefix("units")
public class PaperUnitsChecker extends UnitsChecker {
}
