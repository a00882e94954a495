package org.unlearnstability.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ClaimStrength;
import org.unlearnstability.theory.ClaimVerdict;
import org.unlearnstability.theory.KnownCase;
import org.unlearnstability.theory.Violation;

/**
 * The audit of one claim: generated cases over every {@link FamilyKind} (half of them small), local
 * search from the cases with the largest slack, shrinking of the violations found, the constructed
 * equality cases, and the verdict. Every random stream is addressed by (seed, claim, index), and parallel
 * results are collected in index order, so the outcome does not depend on the number of threads.
 */
public final class ClaimAudit {
    private static final FamilyKind[] KINDS = FamilyKind.values();
    /** How many violating cases are shrunk (the smallest first); the smallest result is kept. */
    private static final int SHRINK_CANDIDATES = 3;

    /**
     * The effort per claim.
     *
     * @param cases generated cases
     * @param starts local searches
     * @param evaluations claim evaluations per local search
     */
    public record Budget(int cases, int starts, int evaluations) {
        /** @return the subset `mvn verify` runs */
        public static Budget quick() {
            return new Budget(900, 6, 600);
        }

        /** @return the full audit */
        public static Budget full() {
            return new Budget(3000, 16, 2000);
        }
    }

    private final Claim claim;
    private final Budget budget;
    private final long seed;
    private final AtomicInteger failures = new AtomicInteger();
    /** Generated cases of an earlier run of the same claim and seed (a prefix of this run's cases). */
    private final List<Evaluated> earlier;
    private volatile List<Evaluated> generated = List.of();

    /**
     * @param claim the claim
     * @param budget the effort
     * @param seed the seed of every random stream
     */
    public ClaimAudit(Claim claim, Budget budget, long seed) {
        this(claim, budget, seed, List.of());
    }

    /**
     * Audits one claim with the quick budget (what the verdict tests run).
     *
     * @param claim the claim
     * @param seed the seed
     * @return its result
     */
    public static ClaimResult quick(Claim claim, long seed) {
        return new ClaimAudit(claim, Budget.quick(), seed).run();
    }

    private ClaimAudit(Claim claim, Budget budget, long seed, List<Evaluated> earlier) {
        this.claim = claim;
        this.budget = budget;
        this.seed = seed;
        this.earlier = earlier;
    }

    /**
     * The same claim and seed with another budget, reusing the cases this audit generated: case i is a
     * function of (seed, claim, i) alone, so the first cases of a larger budget are exactly these and
     * the result is the same as computing them again.
     *
     * @param larger the budget of the new audit
     * @return the new audit (run this one first)
     */
    public ClaimAudit withBudget(Budget larger) {
        return new ClaimAudit(claim, larger, seed, generated);
    }

    /** One generated case and its check (null when the evaluation failed numerically). */
    private record Evaluated(int index, AuditCase auditCase, @Nullable ClaimCheck check) {
        boolean applicable() {
            return check != null && check.applicable();
        }

        double slack() {
            return check == null || !check.applicable() ? Double.NEGATIVE_INFINITY : check.slack();
        }

        boolean violated() {
            return check != null && check.violatedStrictly();
        }

        boolean boundary() {
            return check != null && check.boundary();
        }

        double secondary() {
            return check == null ? Double.NaN : check.secondary();
        }
    }

    /** @return the result */
    public ClaimResult run() {
        long start = System.nanoTime();
        List<Evaluated> generated = generated();
        this.generated = generated;
        List<Evaluated> searched = searchesWorthRunning() ? search(generated) : List.of();
        Map<FamilyKind, Integer> byKind = new EnumMap<>(FamilyKind.class);
        for (FamilyKind kind : KINDS) {
            byKind.put(kind, 0);
        }
        int applicable = 0;
        int boundary = 0;
        int randomViolations = 0;
        SecondaryRatios secondary = SecondaryRatios.NONE;
        for (Evaluated e : generated) {
            if (e.applicable()) {
                applicable++;
                byKind.merge(e.auditCase().kind(), 1, Integer::sum);
                boundary += e.boundary() ? 1 : 0;
                randomViolations += e.violated() ? 1 : 0;
            }
            secondary = secondary.add(e.secondary());
        }
        int searchViolations = (int) searched.stream().filter(Evaluated::violated)
                .count();
        List<Evaluated> all = new ArrayList<>(generated);
        all.addAll(searched);
        Evaluated worst = all.stream().filter(Evaluated::applicable)
                .max(Comparator.comparingDouble(Evaluated::slack).thenComparing(e -> -e.index())).orElse(null);
        ClaimResult.@Nullable Counterexample counterexample = counterexample(all);
        List<ClaimResult.EqualityCase> equalities = equalities();
        ClaimVerdict verdict = verdict(counterexample, equalities);
        if (counterexample == null && verdict == ClaimVerdict.FAILS) {
            ClaimResult.EqualityCase first = equalities.stream().filter(q -> q.violation().violated()).findFirst()
                    .orElseThrow();
            counterexample = new ClaimResult.Counterexample(first.family(), first.hyper(), first.violation(),
                    first.origin(), false);
        }
        long searchEvaluations = searched.size() * (long) budget.evaluations();
        @Nullable ProofAudit proof = verdict == ClaimVerdict.FAILS ? null : claim.proof()
                .map(p -> ProofAudit.over(p, generated.stream().map(Evaluated::auditCase).toList())).orElse(null);
        ClaimStrength strength = ClaimStrength.of(verdict, proof != null && proof.holds());
        return new ClaimResult(claim, verdict, generated.size(), applicable, byKind, searched.size(),
                searchEvaluations, worst == null ? Double.NaN : worst.slack(), describe(worst), randomViolations,
                searchViolations, boundary, failures.get(), counterexample, equalities, secondary.min(),
                secondary.max(), secondary.belowOne(), (System.nanoTime() - start) / 1e9, strength, proof);
    }

    /** The generated cases: those of the earlier audit, then the rest (in parallel, in index order). */
    private List<Evaluated> generated() {
        int reused = Math.min(earlier.size(), budget.cases());
        List<Evaluated> out = new ArrayList<>(earlier.subList(0, reused));
        // An evaluation that failed numerically counted once when it ran; it counts in this audit too.
        failures.addAndGet((int) out.stream().filter(e -> e.check() == null).count());
        out.addAll(IntStream.range(reused, budget.cases()).parallel().mapToObj(this::generate).toList());
        return List.copyOf(out);
    }

    private boolean searchesWorthRunning() {
        return claim.testable() && claim.searched();
    }

    private Evaluated generate(int index) {
        FamilyKind kind = KINDS[index % KINDS.length];
        boolean small = (index / KINDS.length) % 2 == 0;
        AuditCase c = CaseFactory.create(claim, kind, small, RandomStreams.stream(seed, claim.index(), index));
        return new Evaluated(index, c, new CaseSearch(claim, c, failures).evaluate(c));
    }

    /** Local search from the best case of each kind, then the best remaining cases, up to the budget. */
    private List<Evaluated> search(List<Evaluated> generated) {
        // Ties (slack exactly 1 is common: equality at k = 1, or in one dimension) go to richer families.
        Comparator<Evaluated> order = Comparator.comparingDouble(Evaluated::slack).reversed()
                .thenComparing(Comparator.comparingInt((Evaluated e) -> e.auditCase().shape().dimension()).reversed())
                .thenComparingInt(Evaluated::index);
        List<Evaluated> ranked = generated.stream().filter(Evaluated::applicable).sorted(order).toList();
        List<Evaluated> starts = new ArrayList<>();
        for (FamilyKind kind : KINDS) {
            ranked.stream().filter(e -> e.auditCase().kind() == kind).findFirst().ifPresent(starts::add);
        }
        starts.sort(order);
        for (Evaluated e : ranked) {
            if (!starts.contains(e)) {
                starts.add(e);
            }
        }
        List<Evaluated> chosen = new ArrayList<>(starts.subList(0, Math.min(budget.starts(), starts.size())));
        chosen.addAll(nearEquality());
        return IntStream.range(0, chosen.size()).parallel().mapToObj(i -> {
            Evaluated from = chosen.get(i);
            CaseSearch.Found found = new CaseSearch(claim, from.auditCase(), failures)
                    .run(budget.evaluations(), RandomStreams.stream(seed, claim.index(), 1_000_000L + i));
            return new Evaluated(from.index(), found.best(), found.check());
        }).toList();
    }

    /**
     * Extra search starts next to the constructed equality cases (where the slack is exactly 1), embedded in
     * d = 1, 2, 3 as full factors with a small random perturbation: a violation of the strict reading, if
     * any, would sit just beyond such a point. Indexed after every generated case.
     */
    private List<Evaluated> nearEquality() {
        List<Evaluated> out = new ArrayList<>();
        List<KnownCase> known = claim.equalityCases();
        for (int k = 0; k < known.size(); k++) {
            for (int d = 1; d <= 3; d++) {
                int index = budget.cases() + 3 * k + d - 1;
                org.apache.commons.rng.UniformRandomProvider rng = RandomStreams.stream(seed, claim.index(),
                        2_000_000L + index);
                AuditCase c = embedded(known.get(k), d, rng);
                out.add(new Evaluated(index, c, new CaseSearch(claim, c, failures).evaluate(c)));
            }
        }
        return out;
    }

    private static AuditCase embedded(KnownCase known, int d,
            org.apache.commons.rng.UniformRandomProvider rng) {
        HessianFamily family = known.family();
        FamilyShape shape = FamilyShape.fullFactors(d, family.nRetain(), family.nForget());
        List<double[][]> factors = new ArrayList<>();
        for (Hessian h : family.all()) {
            // A small random factor (drawn column by column) plus sqrt(Tr H) in its corner: near the known case.
            double[][] g = new double[d][d];
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < d; i++) {
                    g[i][c] = 0.02 * RandomStreams.gaussian(rng);
                }
            }
            g[0][0] += Math.sqrt(h.trace());
            factors.add(g);
        }
        return new AuditCase(FamilyKind.DENSE, shape, shape.factorParameters(factors), known.hyper().alpha(),
                known.hyper().eta(), known.hyper().batch());
    }

    /** Shrinks the smallest violating cases and keeps the smallest result. */
    private ClaimResult.@Nullable Counterexample counterexample(List<Evaluated> all) {
        if (!claim.testable()) {
            return null;
        }
        List<Evaluated> violating = all.stream().filter(Evaluated::violated)
                .sorted(Comparator.comparing((Evaluated e) -> !Shrinker.admissible(e.auditCase().family(),
                                e.auditCase().hyper()))
                        .thenComparingInt((Evaluated e) -> size(e.auditCase().family()))
                        .thenComparingInt(Evaluated::index))
                .limit(SHRINK_CANDIDATES).toList();
        ClaimResult.@Nullable Counterexample best = null;
        for (Evaluated e : violating) {
            HessianFamily family = e.auditCase().family();
            Hyperparameters hyper = e.auditCase().hyper();
            Optional<Shrinker.Shrunk> shrunk = Shrinker.shrink(claim, family, hyper);
            if (shrunk.isEmpty()) {
                continue;
            }
            Violation violation = claim.check(shrunk.get().family(), shrunk.get().hyper());
            if (!violation.violated()) {
                continue;
            }
            String origin = String.format(Locale.ROOT, "case %d (%s, d = %d, n_r = %d, n_f = %d), shrunk in %d checks",
                    e.index(), e.auditCase().kind(), family.dimension(), family.nRetain(), family.nForget(),
                    shrunk.get().evaluations());
            ClaimResult.Counterexample candidate = new ClaimResult.Counterexample(shrunk.get().family(),
                    shrunk.get().hyper(), violation, origin, true);
            if (best == null || smaller(candidate, best)) {
                best = candidate;
            }
        }
        if (best != null && best.family().dimension() == 1) {
            int samples = best.family().nRetain() + best.family().nForget();
            Optional<Shrinker.Shrunk> tiny = TinyCounterexamples.first(claim, samples);
            if (tiny.isPresent()) {
                ClaimResult.Counterexample simplest = new ClaimResult.Counterexample(tiny.get().family(),
                        tiny.get().hyper(), claim.check(tiny.get().family(), tiny.get().hyper()),
                        best.origin() + "; then the simplest one-dimensional case with at most " + samples
                                + " samples (exhaustive, " + tiny.get().evaluations() + " exact checks)", true);
                if (!smaller(best, simplest)) {
                    best = simplest;
                }
            }
        }
        return best;
    }

    private static int size(HessianFamily family) {
        return 100 * (family.nRetain() + family.nForget()) + family.dimension();
    }

    private static boolean smaller(ClaimResult.Counterexample a, ClaimResult.Counterexample b) {
        boolean admissibleA = Shrinker.admissible(a.family(), a.hyper());
        if (admissibleA != Shrinker.admissible(b.family(), b.hyper())) {
            return admissibleA;
        }
        int sa = size(a.family());
        int sb = size(b.family());
        if (sa != sb) {
            return sa < sb;
        }
        return complexity(a) < complexity(b);
    }

    /** The total number of binary digits of the numbers (numerators and denominators of the dyadics). */
    static int complexity(ClaimResult.Counterexample c) {
        int bits = bits(c.hyper().eta()) + bits(c.hyper().alpha());
        for (Hessian h : c.family().all()) {
            for (double[] row : h.toMatrix().getData()) {
                for (double v : row) {
                    bits += bits(v);
                }
            }
        }
        return bits;
    }

    private static int bits(double v) {
        if (v == 0.0) {
            return 0;
        }
        org.hipparchus.fraction.BigFraction f = org.unlearnstability.theory.Rationals.exact(v);
        return f.getNumerator().abs().bitLength() + f.getDenominator().bitLength() + (v < 0 ? 1 : 0);
    }

    private List<ClaimResult.EqualityCase> equalities() {
        List<ClaimResult.EqualityCase> out = new ArrayList<>();
        for (KnownCase known : claim.equalityCases()) {
            Violation v = claim.check(known.family(), known.hyper());
            out.add(new ClaimResult.EqualityCase(known.name(), known.description(), known.family(), known.hyper(), v,
                    known.origin()));
        }
        return out;
    }

    private ClaimVerdict verdict(ClaimResult.@Nullable Counterexample counterexample,
            List<ClaimResult.EqualityCase> equalities) {
        if (!claim.testable()) {
            return ClaimVerdict.NOT_TESTABLE_AS_STATED;
        }
        if (counterexample != null && counterexample.violation().violated()) {
            return ClaimVerdict.FAILS;
        }
        boolean equalityFails = claim.boundaryViolates()
                && equalities.stream().anyMatch(q -> q.violation().violated() && q.violation().exact());
        return equalityFails ? ClaimVerdict.FAILS : ClaimVerdict.HOLDS;
    }

    private static String describe(@Nullable Evaluated e) {
        ClaimCheck c = e == null ? null : e.check();
        if (e == null || c == null) {
            return "no applicable case";
        }
        HessianFamily f = e.auditCase().family();
        return String.format(Locale.ROOT,
                "%s d=%d n_r=%d n_f=%d B=%d alpha=%.4g eta=%.4g: slack %.10g (lhs %.6g, rhs %.6g%s)",
                e.auditCase().kind(), f.dimension(), f.nRetain(), f.nForget(), e.auditCase().batch(),
                e.auditCase().alpha(), e.auditCase().eta(), c.slack(), c.lhs(), c.rhs(),
                c.step() > 0 ? ", k=" + c.step() : "");
    }
}
