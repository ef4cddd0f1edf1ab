package org.cascadesim.models.scenario;

/**
 * A distribution of durations (latency, CPU time, think time), selected in a scenario by
 * {@code dist}; a plain duration means {@link ConstantDist}.
 */
public sealed interface DistributionSpec
    permits ConstantDist,
        UniformDist,
        ExponentialDist,
        NormalDist,
        LogNormalDist,
        LogNormalParamsDist,
        ParetoDist,
        WeibullDist,
        EmpiricalDist {}
