package io.edgeward.cdk.config;

/**
 * Size of one Fargate service.
 *
 * @param desiredCount tasks to run (at least 1)
 * @param cpu          Fargate CPU units (256, 512, 1024, 2048, 4096, …)
 * @param memoryMiB    task memory in MiB, within Fargate's range for that CPU
 */
public record ServiceSize(Integer desiredCount, Integer cpu, Integer memoryMiB) {
    public ServiceSize {
        SettingsException.require(desiredCount == null || desiredCount >= 1,
                "services.*.desiredCount must be >= 1, was " + desiredCount);
        SettingsException.require(cpu == null || cpu >= 256, "services.*.cpu must be >= 256, was " + cpu);
        SettingsException.require(memoryMiB == null || memoryMiB >= 512,
                "services.*.memoryMiB must be >= 512, was " + memoryMiB);
    }

    /** This size with unset fields taken from {@code defaults}. */
    public ServiceSize orElse(ServiceSize defaults) {
        return new ServiceSize(desiredCount != null ? desiredCount : defaults.desiredCount,
                cpu != null ? cpu : defaults.cpu,
                memoryMiB != null ? memoryMiB : defaults.memoryMiB);
    }
}
