package org.unlearnstability.rng;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.util.FastMath;

/**
 * Seeded random streams addressed by a path of integers, such as (seed, cell, repeat) or
 * (seed, run index). The path is hashed with the SplitMix64 finaliser into the 128-bit state of
 * an XoRoShiRo128++ generator, so every stream depends only on its address (never on thread order)
 * and no address produces the all-zero state that would make the generator emit only zeros.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /**
     * @param seed the experiment's seed
     * @param path the stream's address below the seed (cell, repeat, run...)
     * @return an independent generator for that address
     */
    public static UniformRandomProvider stream(long seed, long... path) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : path) {
            h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        }
        long s0 = mix(h);
        long s1 = mix(s0 ^ 0xD1B54A32D192ED03L);
        if (s0 == 0 && s1 == 0) {
            s1 = 1;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /**
     * @param rng a generator
     * @param n how many draws
     * @return n standard normal draws by Box-Muller, whose values are stable across library versions
     */
    public static double[] gaussian(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gaussian(rng);
        }
        return v;
    }

    /**
     * @param rng a generator
     * @return one standard normal draw
     */
    public static double gaussian(UniformRandomProvider rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * FastMath.log(u1)) * FastMath.cos(2 * Math.PI * u2);
    }

    private static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
