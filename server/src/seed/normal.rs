//! A normally distributed random number without another dependency: the sum of four
//! uniform numbers (Irwin–Hall), scaled to mean 0 and standard deviation 1. Close enough
//! for plausible demo scores.

use rand::Rng;

/// A draw from N(mean, sd²), approximately.
pub fn normal(rng: &mut impl Rng, mean: f64, sd: f64) -> f64 {
    let sum: f64 = (0..4).map(|_| rng.random::<f64>()).sum();
    mean + (sum - 2.0) * 3.0_f64.sqrt() * sd
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn draws_centre_on_the_mean_with_the_given_spread() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let draws: Vec<f64> = (0..20_000).map(|_| normal(&mut rng, 3.0, 0.5)).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let variance = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!((mean - 3.0).abs() < 0.02, "mean {mean}");
        assert!((variance.sqrt() - 0.5).abs() < 0.02, "sd {}", variance.sqrt());
    }
}
