package org.unlearnstability.theory.claims;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimSpec;

/**
 * The registry of claims: the readings listed in {@code specs/claims/index.json} (on the class path beside
 * the specs), in that order, each an instance of the class its spec names in {@code implementation}. The
 * order fixes the report order and each claim's random streams. Adding a claim is one class here and one
 * spec (with its line in the index); see specs/claims/README.md.
 */
public final class Claims {
    private static final String INDEX = "index.json";
    private static final List<Claim> ALL = load();

    private Claims() {
    }

    /** @return every claim, in the order of the index */
    public static List<Claim> all() {
        return ALL;
    }

    /**
     * @param slug a spec file stem
     * @return the claim
     * @throws IllegalArgumentException when no claim has this slug
     */
    public static Claim bySlug(String slug) {
        for (Claim claim : ALL) {
            if (claim.slug().equals(slug)) {
                return claim;
            }
        }
        throw new IllegalArgumentException("unknown claim '" + slug + "'");
    }

    static int indexOf(Claim claim) {
        int index = ALL.indexOf(claim);
        if (index < 0) {
            throw new IllegalStateException("claim " + claim.slug() + " is not in " + INDEX);
        }
        return index;
    }

    private static List<Claim> load() {
        String[] slugs;
        try (InputStream in = Claims.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("missing claim index on the class path: " + INDEX);
            }
            slugs = JsonMapper.builder().build().readValue(in, String[].class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the claim index " + INDEX, e);
        }
        List<Claim> claims = new ArrayList<>();
        for (String slug : slugs) {
            claims.add(instantiate(ClaimSpec.of(slug)));
        }
        return List.copyOf(claims);
    }

    /**
     * @param spec a claim's spec
     * @return a new instance of the class it names, checked to have the spec's slug
     */
    static Claim instantiate(ClaimSpec spec) {
        Claim claim;
        try {
            claim = Class.forName(spec.implementation()).asSubclass(Claim.class).getConstructor().newInstance();
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
                | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("claim spec " + spec.id() + ": field 'implementation' does not name a"
                    + " public Claim class with a public no-argument constructor: " + spec.implementation(), e);
        }
        if (!claim.slug().equals(spec.id())) {
            throw new IllegalStateException("claim spec " + spec.id() + ": class " + spec.implementation()
                    + " checks '" + claim.slug() + "'");
        }
        return claim;
    }
}
