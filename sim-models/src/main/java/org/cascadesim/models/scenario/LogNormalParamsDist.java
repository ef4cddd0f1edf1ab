package org.cascadesim.models.scenario;

/**
 * Log-normal given by the parameters of ln(seconds) ({@code {dist: lognormal, mu: -2.1, sigma: 0.7}}),
 * for users who fitted a model themselves.
 *
 * @param mu the mean of ln(seconds)
 * @param sigma the standard deviation of ln(seconds)
 */
public record LogNormalParamsDist(double mu, double sigma) implements DistributionSpec {}
