//! MODEL.md "Uncertainty", random numbers: path k's generator is
//! xoshiro256** whose state is the first four outputs of SplitMix64 started
//! at `seed + k`; uniforms take the top 53 bits; a standard normal is
//! Box–Muller on two uniforms with `libm`'s ln and cos and the correctly
//! rounded square root, so a path draws the same bits on every platform.
//!
//! The generators are `rand_xoshiro`'s (its `seed_from_u64` is exactly
//! that SplitMix64 seeding; the tests check MODEL.md's values). Not the
//! order of draws or what they mean: that is `uncertainty`.

use std::f64::consts::PI;

use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256StarStar;

/// 2^-53: a 53-bit integer times this is a uniform in [0, 1), exactly.
const TWO_POW_MINUS_53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// The random numbers of one Monte Carlo path.
#[derive(Clone, Debug)]
pub struct PathRng(Xoshiro256StarStar);

impl PathRng {
    /// Path k of a run with `seed`: SplitMix64 from state `seed + k` (mod 2^64).
    pub fn for_path(seed: u64, k: u64) -> Self {
        PathRng(Xoshiro256StarStar::seed_from_u64(seed.wrapping_add(k)))
    }

    /// The generator's next 64-bit output.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// u = (next >> 11) · 2^-53, in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * TWO_POW_MINUS_53
    }

    /// z = sqrt(-2 ln(1 - u1)) · cos(2π u2). 1 - u1 is at least 2^-53, so
    /// z is always finite (|z| < 8.6).
    ///
    /// The square root is the processor's: IEEE 754 requires it correctly
    /// rounded, as `libm::sqrt` is, so the bits are libm's (a test checks),
    /// and in wasm it is one instruction where libm's is a loop over
    /// 128-bit products, most of a normal's time.
    pub fn normal(&mut self) -> f64 {
        let u1 = self.uniform();
        let u2 = self.uniform();
        (-2.0 * libm::log(1.0 - u1)).sqrt() * libm::cos(2.0 * PI * u2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::SplitMix64;

    #[test]
    fn the_square_root_is_libms_to_the_bit() {
        // Every -2 ln(1 - u) a normal can take lies in [0, 74]: check that
        // range densely, at random, and the edges of every exponent.
        let mut rng = PathRng::for_path(99, 0);
        let randoms = (0..200_000).map(|_| -2.0 * libm::log(1.0 - rng.uniform()));
        let spread = (0..200_000).map(|i| f64::from(i) * 74.0 / 200_000.0);
        let edges = (-1074..1024).flat_map(|e| {
            let x = libm::pow(2.0, f64::from(e));
            [
                x,
                f64::from_bits(x.to_bits() + 1),
                f64::from_bits(x.to_bits() - 1),
            ]
        });
        let specials = [0.0, -0.0, f64::INFINITY, f64::MIN_POSITIVE, f64::MAX];
        for x in randoms.chain(spread).chain(edges).chain(specials) {
            assert_eq!(x.sqrt().to_bits(), libm::sqrt(x).to_bits(), "sqrt({x:e})");
        }
    }

    #[test]
    fn splitmix64_matches_the_published_values() {
        let mut g = SplitMix64::seed_from_u64(1234567);
        let got: Vec<u64> = (0..3).map(|_| g.next_u64()).collect();
        assert_eq!(
            got,
            [
                6457827717110365317,
                3203168211198807973,
                9817491932198370423
            ]
        );
    }

    #[test]
    fn xoshiro256starstar_matches_the_published_values() {
        let mut seed = [0u8; 32];
        for (chunk, s) in seed.chunks_exact_mut(8).zip([1u64, 2, 3, 4]) {
            chunk.copy_from_slice(&s.to_le_bytes());
        }
        let mut g = Xoshiro256StarStar::from_seed(seed);
        let got: Vec<u64> = (0..3).map(|_| g.next_u64()).collect();
        assert_eq!(got, [11520, 0, 1509978240]);
    }

    #[test]
    fn the_xoshiro_state_is_the_first_four_splitmix_outputs() {
        // MODEL.md: s0..s3 are SplitMix64's first four outputs from seed + k.
        let state = 7u64.wrapping_add(1);
        let mut sm = SplitMix64::seed_from_u64(state);
        let mut seed = [0u8; 32];
        for chunk in seed.chunks_exact_mut(8) {
            chunk.copy_from_slice(&sm.next_u64().to_le_bytes());
        }
        let mut expected = Xoshiro256StarStar::from_seed(seed);
        let mut path = PathRng::for_path(7, 1);
        for _ in 0..8 {
            assert_eq!(path.next_u64(), expected.next_u64());
        }
    }

    #[test]
    fn seed_7_normals_match_the_published_values() {
        let mut path0 = PathRng::for_path(7, 0);
        let first: Vec<f64> = (0..3).map(|_| path0.normal()).collect();
        assert_eq!(
            first,
            [-0.2790239910251981, 1.8997685786889567, 2.136306014732201]
        );
        assert_eq!(PathRng::for_path(7, 1).normal(), -1.4677924542465546);
    }

    #[test]
    fn the_seed_wraps_at_2_pow_64() {
        let mut a = PathRng::for_path(u64::MAX, 1);
        let mut b = PathRng::for_path(0, 0);
        assert_eq!(a.next_u64(), b.next_u64());
    }

    #[test]
    fn uniforms_lie_in_0_1() {
        let mut g = PathRng::for_path(1, 0);
        assert!((0..10_000)
            .map(|_| g.uniform())
            .all(|u| (0.0..1.0).contains(&u)));
    }
}
