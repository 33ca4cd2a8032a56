using Release.Delivery.Deploy;
using Release.Environments.Component;
using Release.Environments.Drift;
using Release.Releasing;

namespace Release.Operations.Environments;

/// <summary>
/// Environments as code joined with the release process: <c>./build.sh Drift</c> also compares every GitOps
/// environment's pinned digest with the signed release records (kind <c>records</c>: a digest no promotion put there,
/// or an earlier release's) and every local environment's instances with what runs on this machine (kind
/// <c>runtime</c>: a container removed, stopped or replaced by hand). Release.Environments knows neither the records
/// nor the deployers, so this component, above both, hands it those comparisons. Mix it in instead of
/// <see cref="IEnvironments"/> where the build also has <see cref="IRelease"/>.
/// </summary>
public interface IEnvironmentOperations : IEnvironments, IRelease
{
    IReadOnlyList<DriftCheck> IEnvironments.DriftChecks =>
    [
        new(RecordsDrift.Kind, [], (input, ct) => EnvironmentDriftReads.RecordsAsync(this, input, ct)),
        new(
            EnvironmentDriftReads.RuntimeKind,
            [.. DeclaredEnvironments.Environments.Where(e => e.Deployer == Deployers.Local).Select(e => e.Name)],
            (input, ct) => EnvironmentDriftReads.LocalRuntimeAsync(this, input, ct)),
    ];
}
