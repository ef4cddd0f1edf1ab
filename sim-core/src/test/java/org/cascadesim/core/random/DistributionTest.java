package org.cascadesim.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.cascadesim.core.support.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The samplers against their analytic distributions, each with its own fixed-seed stream.
 *
 * <p>Means: the analytic mean must lie in the 99% Student-t interval of the sample mean, built
 * from 20 independent sub-sample means of 10,000 draws each (so the interval needs no assumption
 * beyond finite variance; shapes are chosen with finite variance). Quantiles: the analytic
 * quantile must lie between the order statistics at ranks n p -/+ 3 sqrt(n p (1 - p)), the
 * distribution-free binomial interval at about 99.7%. Shapes: a Kolmogorov-Smirnov test against
 * commons-math3's distribution on 5,000 draws must not reject at the 1% level. With fixed seeds
 * every test is deterministic; 99% levels keep the chance that a correct sampler fails with a
 * newly chosen seed small over the dozen checks here.
 */
class DistributionTest {

  private static final double CONFIDENCE = 0.99;
  private static final int GROUPS = 20;
  private static final int GROUP_SIZE = 10_000;
  private static final int KS_SAMPLES = 5_000;
  private static final double KS_ALPHA = 0.01;

  @Test
  void exponentialSampleMeanMatchesItsMean() {
    assertMeanWithinInterval(new Distribution.Exponential(2_500), 2_500, 1L);
  }

  @Test
  void uniformSampleMeanMatchesItsMean() {
    Distribution uniform = new Distribution.Uniform(100, 300);
    assertMeanWithinInterval(uniform, 200, 2L);
    RandomStream random = stream(2L);
    for (int i = 0; i < 10_000; i++) {
      assertThat(uniform.sample(random)).isGreaterThanOrEqualTo(100).isLessThan(300);
    }
  }

  @Test
  void normalSampleMeanMatchesItsMean() {
    assertMeanWithinInterval(new Distribution.Normal(1_000, 100), 1_000, 3L);
  }

  @Test
  void lognormalSampleMeanMatchesItsMean() {
    Distribution.LogNormal lognormal = new Distribution.LogNormal(3.0, 0.5);
    assertThat(lognormal.mean()).isCloseTo(Math.exp(3.0 + 0.125), within(1e-9));
    assertMeanWithinInterval(lognormal, lognormal.mean(), 4L);
  }

  @Test
  void lognormalFittedToMedianAndP99HasThatMedianAndP99() {
    Distribution.LogNormal fitted = Distribution.LogNormal.ofMedianAndP99(20_000_000, 150_000_000);
    assertThat(fitted.median()).isCloseTo(20_000_000, within(1e-6));

    double[] sorted = sortedSample(fitted, 200_000, 5L);
    assertQuantileWithinInterval(sorted, 0.50, 20_000_000);
    assertQuantileWithinInterval(sorted, 0.99, 150_000_000);
  }

  @Test
  void paretoSampleMeanMatchesItsMean() {
    Distribution.Pareto pareto = new Distribution.Pareto(1_000, 3.5);
    assertThat(pareto.mean()).isCloseTo(3.5 * 1_000 / 2.5, within(1e-9));
    assertMeanWithinInterval(pareto, pareto.mean(), 6L);
    assertThat(new Distribution.Pareto(1, 1).mean()).isInfinite();
  }

  @Test
  void weibullSampleMeanMatchesItsMean() {
    Distribution.Weibull weibull = new Distribution.Weibull(1_000, 1.5);
    assertThat(weibull.mean()).isCloseTo(1_000 * Gamma.gamma(1 + 1 / 1.5), within(1e-9));
    assertMeanWithinInterval(weibull, weibull.mean(), 7L);
  }

  @Test
  void empiricalSampleMeanAndQuantilesMatchItsTable() {
    Distribution.Empirical empirical = new Distribution.Empirical(
        new double[] {0.0, 0.5, 0.9, 0.99, 1.0},
        new double[] {1_000, 2_000, 5_000, 20_000, 50_000});
    // Mean of the piecewise-linear inverse CDF, by the trapezoid rule over each segment.
    double mean = 0.5 * 1_500 + 0.4 * 3_500 + 0.09 * 12_500 + 0.01 * 35_000;
    assertThat(empirical.mean()).isCloseTo(mean, within(1e-9));
    assertMeanWithinInterval(empirical, mean, 8L);

    double[] sorted = sortedSample(empirical, 200_000, 9L);
    assertQuantileWithinInterval(sorted, 0.25, 1_500);
    assertQuantileWithinInterval(sorted, 0.50, 2_000);
    assertQuantileWithinInterval(sorted, 0.90, 5_000);
    assertQuantileWithinInterval(sorted, 0.99, 20_000);
  }

  @Test
  void empiricalQuantileInterpolatesAndClampsAtTheEnds() {
    Distribution.Empirical empirical = new Distribution.Empirical(
        new double[] {0.1, 0.5, 0.9}, new double[] {10, 20, 60});

    assertThat(empirical.quantile(0.0)).isEqualTo(10);
    assertThat(empirical.quantile(0.3)).isCloseTo(15, within(1e-12));
    assertThat(empirical.quantile(0.5)).isEqualTo(20);
    assertThat(empirical.quantile(0.8)).isCloseTo(50, within(1e-12));
    assertThat(empirical.quantile(0.95)).isEqualTo(60);
    assertThat(empirical.mean()).isCloseTo(0.1 * 10 + 0.4 * 15 + 0.4 * 40 + 0.1 * 60, within(1e-12));
  }

  @Test
  void exponentialPassesKolmogorovSmirnov() {
    assertKolmogorovSmirnov(new Distribution.Exponential(2_500), new ExponentialDistribution(null, 2_500), 11L);
  }

  @Test
  void normalPassesKolmogorovSmirnov() {
    assertKolmogorovSmirnov(new Distribution.Normal(1_000, 100), new NormalDistribution(null, 1_000, 100), 12L);
  }

  @Test
  void lognormalPassesKolmogorovSmirnov() {
    assertKolmogorovSmirnov(new Distribution.LogNormal(3.0, 0.5), new LogNormalDistribution(null, 3.0, 0.5), 13L);
  }

  @Test
  void weibullPassesKolmogorovSmirnov() {
    assertKolmogorovSmirnov(new Distribution.Weibull(1_000, 1.5), new WeibullDistribution(null, 1.5, 1_000), 14L);
  }

  @Test
  void paretoPassesKolmogorovSmirnov() {
    assertKolmogorovSmirnov(new Distribution.Pareto(1_000, 1.2), new ParetoDistribution(null, 1_000, 1.2), 15L);
  }

  @Test
  void kolmogorovSmirnovRejectsAWrongDistribution() {
    RandomStream random = stream(16L);
    double[] data = new double[KS_SAMPLES];
    for (int i = 0; i < data.length; i++) {
      data[i] = new Distribution.Weibull(1_000, 1.5).sample(random);
    }

    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 903), data))
        .as("the KS check has power: a Weibull with the same mean is not an exponential")
        .isLessThan(KS_ALPHA);
  }

  @Test
  void sampleNanosRoundsAndClampsNegativeDrawsToZero() {
    RandomStream random = stream(17L);
    Distribution mostlyNegative = new Distribution.Normal(-10, 1);
    for (int i = 0; i < 1_000; i++) {
      assertThat(mostlyNegative.sampleNanos(random)).isZero();
    }
    assertThat(new Distribution.Constant(2.5).sampleNanos(random)).isEqualTo(3);
    assertThat(new Distribution.Constant(1e19).sampleNanos(random)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void invalidParametersAreRejectedWithTheBadValue() {
    assertThatThrownBy(() -> new Distribution.Exponential(0)).hasMessageContaining("mean");
    assertThatThrownBy(() -> new Distribution.Uniform(5, 4)).hasMessageContaining("max");
    assertThatThrownBy(() -> new Distribution.Pareto(1, -1)).hasMessageContaining("shape");
    assertThatThrownBy(() -> Distribution.LogNormal.ofMedianAndP99(10, 5)).hasMessageContaining("p99");
    assertThatThrownBy(() -> new Distribution.Empirical(new double[] {0.5, 0.4}, new double[] {1, 2}))
        .hasMessageContaining("increasing");
  }

  private static void assertMeanWithinInterval(Distribution distribution, double analyticMean, long seed) {
    RandomStream random = stream(seed);
    double[] groupMeans = new double[GROUPS];
    for (int g = 0; g < GROUPS; g++) {
      double sum = 0;
      for (int i = 0; i < GROUP_SIZE; i++) {
        sum += distribution.sample(random);
      }
      groupMeans[g] = sum / GROUP_SIZE;
    }
    ConfidenceInterval interval = ConfidenceInterval.of(groupMeans, CONFIDENCE);
    assertThat(interval.contains(analyticMean))
        .as("%s: mean %s should lie in %s", distribution, analyticMean, interval)
        .isTrue();
  }

  private static void assertQuantileWithinInterval(double[] sorted, double p, double analytic) {
    int n = sorted.length;
    double spread = 3 * Math.sqrt(n * p * (1 - p));
    int lowRank = (int) Math.floor(n * p - spread);
    int highRank = (int) Math.ceil(n * p + spread);
    assertThat(analytic)
        .as("quantile %s: %s should lie between order statistics %s and %s", p, analytic,
            sorted[lowRank - 1], sorted[highRank - 1])
        .isBetween(sorted[lowRank - 1], sorted[highRank - 1]);
  }

  private static void assertKolmogorovSmirnov(Distribution sampler, RealDistribution reference, long seed) {
    RandomStream random = stream(seed);
    double[] data = new double[KS_SAMPLES];
    for (int i = 0; i < data.length; i++) {
      data[i] = sampler.sample(random);
    }
    double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(reference, data);
    assertThat(pValue).as("KS p-value of %s", sampler).isGreaterThan(KS_ALPHA);
  }

  private static double[] sortedSample(Distribution distribution, int n, long seed) {
    RandomStream random = stream(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = distribution.sample(random);
    }
    Arrays.sort(values);
    return values;
  }

  private static RandomStream stream(long seed) {
    return new RandomStream("distribution-test", seed);
  }
}
