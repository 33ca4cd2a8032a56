using Release.Engine;
using Release.Environments.Drift;
using Release.Environments.Rendering;
using Release.Foundation.IO;
using Release.Tooling.Git;

namespace Release.Environments.Component;

/// <summary>
/// Build component for environments as code: implement <see cref="DeclaredEnvironments"/> (the checked configuration
/// source) and <see cref="EnvironmentRendering"/>; <see cref="RenderEnvironments"/> commits the rendering to the
/// environment repository, <see cref="CheckEnvironments"/> fails when that repository differs (the way CheckCI guards
/// the CI files) and <see cref="Drift"/> reports every difference as findings. Only these targets load the renderer
/// (and KubernetesClient with it): nothing here runs while the build starts or prints its help.
/// </summary>
public interface IEnvironments : IBuild
{
    /// <summary>The configuration source, checked: <c>EnvironmentSet...Check(App, RootDirectory)</c>.</summary>
    CheckedEnvironments DeclaredEnvironments { get; }

    /// <summary>Where charts come from and how often Flux reconciles.</summary>
    EnvironmentRenderOptions EnvironmentRendering { get; }

    /// <summary>The environment GitOps repository (URL or path).</summary>
    [Parameter("The environment GitOps repository (URL or path) that RenderEnvironments commits to and CheckEnvironments and Drift read")]
    string? EnvironmentsRepository => TryGetValue(() => EnvironmentsRepository);

    /// <summary>The branch Flux watches in the environment repository.</summary>
    [Parameter("Branch of the environment repository (default main)"), NotEmpty]
    string EnvironmentsBranch => TryGetValue(() => EnvironmentsBranch) ?? "main";

    /// <summary>A kubeconfig with one context per cluster name: Drift then also compares what the clusters run (live Deployments' images, ConfigMaps,
    /// HelmRelease readiness).</summary>
    [Parameter("Kubeconfig with a context named after each environment's cluster; Drift then reads what the clusters run")]
    string? Kubeconfig => TryGetValue(() => Kubeconfig);

    /// <summary>
    /// Comparisons a component above this layer adds to <see cref="Drift"/> (the release records, the local deployer's
    /// instances); none here.
    /// </summary>
    IReadOnlyList<DriftCheck> DriftChecks => [];

    /// <summary>The command that repairs the environment repository, named by every failure.</summary>
    string RenderCommand => "./build.sh RenderEnvironments";

    /// <summary>Renders every environment and commits the result to the environment repository (one commit, pushed).</summary>
    Target RenderEnvironments => _ => _
        .Description("Renders every environment from the configuration source and commits it to the environment repository")
        .Executes(async ct =>
        {
            // Rendering happens entirely in memory first: bad configuration fails here and nothing is written anywhere.
            var rendered = EnvironmentRenderer.Render(DeclaredEnvironments, EnvironmentRendering);
            var checkout = await EnvironmentRepositoryCheckout.CloneAsync(this, ct).ConfigureAwait(false);
            await using var checkoutDisposal = checkout.ConfigureAwait(false);
            var changed = await EnvironmentRepository.WriteAsync(rendered, checkout.Repository.Path, ct).ConfigureAwait(false);
            if (changed.Count == 0)
            {
                Log.Information(
                    $"{checkout.Shown} already holds what the configuration source renders ({rendered.Environments.Count} environment(s))");
                return;
            }
            await checkout.Repository.AddAsync(new GitAddSettings { All = true }, ct).ConfigureAwait(false);
            var identity = new GitIdentity("Release", "release@release.invalid");
            var environments = changed.Select(rendered.EnvironmentOrNull).OfType<string>().Distinct().Order(StringComparer.Ordinal);
            await checkout.Repository.CommitAsync(new GitCommitSettings(
                $"config: render {string.Join(", ", environments)} from the configuration source\n\n{string.Join("\n", changed)}\n") {
                    Author = identity,
                    Committer = identity }, ct).ConfigureAwait(false);
            if (!await checkout.Repository.TryPushAsync(new GitPushSettings(), ct).ConfigureAwait(false))
                throw new InvalidOperationException($"{checkout.Shown} ({EnvironmentsBranch}) moved on while RenderEnvironments was pushing; " +
                    $"nothing was changed. Run {RenderCommand} again.");
            foreach (var path in changed) Log.Information($"rendered {path}");
            Log.Information($"Committed {changed.Count} file(s) to {checkout.Shown}");
        });

    /// <summary>Fails, naming environment, file and field, when the environment repository differs from the rendering.</summary>
    Target CheckEnvironments => _ => _
        .Description("Fails when the environment repository differs from what the configuration source renders")
        .Executes(async ct =>
        {
            var rendered = EnvironmentRenderer.Render(DeclaredEnvironments, EnvironmentRendering);
            var checkout = await EnvironmentRepositoryCheckout.CloneAsync(this, ct).ConfigureAwait(false);
            await using var checkoutDisposal = checkout.ConfigureAwait(false);
            var differences = EnvironmentRepository.Differences(rendered, checkout.Repository.Path);
            if (differences.Count == 0)
            {
                Log.Information($"{checkout.Shown}: {rendered.Environments.Count} environment(s) are what the configuration source renders");
                return;
            }
            foreach (var difference in differences) Log.Information(difference.ToString());
            var environments = string.Join(", ", differences.Select(d => d.Environment).Distinct().Order(StringComparer.Ordinal));
            throw new EnvironmentsOutOfDateException(
                $"{checkout.Shown}: {differences.Count} difference(s) from the configuration source in {environments}. " +
                $"Run {RenderCommand} --environments-repository {checkout.Shown} (it commits the rendering), or change the source and promote it.");
        });

    /// <summary>Configuration drift for every environment: a table, <c>artifacts/drift/drift.json</c>, and a failure when anything drifted.</summary>
    Target Drift => _ => _
        .Description("Reports drift of every environment: the environment repository against the configuration source, and group members against " +
            "each other beyond their overlays")
        .Executes(async ct =>
        {
            var rendered = EnvironmentRenderer.Render(DeclaredEnvironments, EnvironmentRendering);
            var checkout = await EnvironmentRepositoryCheckout.CloneAsync(this, ct).ConfigureAwait(false);
            await using var checkoutDisposal = checkout.ConfigureAwait(false);
            var repair = $"{RenderCommand} --environments-repository {checkout.Shown}";
            IReadOnlyList<DriftFinding> findings =
            [
                .. ConfigurationDrift.Findings(EnvironmentRepository.Differences(rendered, checkout.Repository.Path), repair),
                .. GroupDrift.Findings(DeclaredEnvironments, checkout.Repository.Path, repair),
                .. Kubeconfig is { } kubeconfig
                    ? await ClusterReads.FindingsAsync(
                        DeclaredEnvironments,
                        checkout.Repository.Path,
                        kubeconfig,
                        EnvironmentRendering.FluxNamespace,
                        ct).ConfigureAwait(false)
                    : [],
            ];
            var checks = DriftChecks;
            var input = new DriftCheckInput(DeclaredEnvironments, checkout.Repository.Path, checkout.Shown);
            foreach (var check in checks) findings = [.. findings, .. await check.FindingsAsync(input, ct).ConfigureAwait(false)];
            // Clusters are read only with a kubeconfig; the report names the kinds it checked, never more.
            var report = new DriftReport([.. new[] { ConfigurationDrift.Kind, GroupDrift.Kind }.Concat(Kubeconfig is null ? [] : [ClusterDrift.Kind])
                .Concat(checks.Select(c => c.Kind)).Distinct(StringComparer.Ordinal)],
                [.. rendered.Environments.Concat(checks.SelectMany(c => c.Environments)).Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)], findings);
            if (Kubeconfig is null) Log.Information("Drift: no --kubeconfig, so what the clusters run was not compared");
            var json = ArtifactsDirectory / "drift" / "drift.json";
            await AtomicFile.WriteTextAsync(json, report.ToJson(), ct).ConfigureAwait(false);
            ReportSummary("Drift", report.Clean ? $"none in {report.Environments.Count} environment(s)" : $"{findings.Count} finding(s)");
            if (report.Clean)
            {
                Log.Information(
                    $"No drift in {string.Join(", ", report.Environments)} (checked: {string.Join(", ", report.KindsChecked)}); report: {json}");
                return;
            }
            Log.Information(report.ToTable());
            throw new EnvironmentsOutOfDateException($"Drift: {findings.Count} finding(s) in " +
                $"{string.Join(", ", findings.Select(f => f.Environment).Distinct().Order(StringComparer.Ordinal))}; the table above and {json} " +
                    "name each one and its repair.");
        });
}
