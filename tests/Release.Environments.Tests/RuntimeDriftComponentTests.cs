using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Release.Engine.Hosting;
using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Network;

namespace Release.Environments.Tests;

/// <summary>
/// <c>./build.sh Drift --kubeconfig FILE</c> end to end: the environment repository is real (rendered and pushed to a
/// git remote in a temporary folder), the clusters are a STAND-IN — no Kubernetes API server can be installed here — an
/// HTTP server on 127.0.0.1 answering the GET list paths a real API server serves for Deployments, ConfigMaps and Flux
/// HelmReleases, with the ConfigMaps the repository declares (as Flux would have applied them).
/// </summary>
public class RuntimeDriftComponentTests
{
    private static readonly Dictionary<string, string> EnvironmentOf = new()
    {
        ["director-staging"] = "staging", ["director-preprod"] = "pre-prod", ["director-friendly"] = "friendly-user", ["director"] = "production",
    };

    [Test]
    public async Task Drift_with_a_kubeconfig_reads_every_clusters_objects_and_reports_a_ConfigMap_changed_in_the_cluster()
    {
        using var root = new TempDirectory("release-runtime-drift");
        foreach (var module in new[] { "director", "ledger", "gateway" }) root.WriteFile($"modules/{module}/Dockerfile", "FROM base\n");
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        Assert.That(await RunAsync(root, remote, "RenderEnvironments"), Is.EqualTo(BuildHost.Success));
        using var declared = await remote.CloneAsync();

        var edited = "";
        await using var standIn = LoopbackHttpServer.Start(async context =>
        {
            var parts = context.Request.Url!.AbsolutePath.Trim('/').Split('/');
            var body = parts switch
            {
                ["apis", "apps", "v1", "namespaces", _, "deployments"] => KubernetesJson.Serialize(new V1DeploymentList { ApiVersion = "apps/v1", Kind = "DeploymentList", Items = [] }),
                ["api", "v1", "namespaces", var ns, "configmaps"] => KubernetesJson.Serialize(new V1ConfigMapList
                {
                    ApiVersion = "v1", Kind = "ConfigMapList",
                    Items = [.. Directory.EnumerateFiles(Path.Combine(declared.Path, "environments", EnvironmentOf[ns], "config")).Order(StringComparer.Ordinal)
                        .Select(f => KubernetesYaml.Deserialize<V1ConfigMap>(File.ReadAllText(f)))
                        .Select(c => { if (ns == edited && c.Metadata.Name == "ledger-config") c.Data["RETENTION_DAYS"] = "30"; return c; })],
                }),
                ["apis", "helm.toolkit.fluxcd.io", "v2", "namespaces", var ns, "helmreleases"] => JsonSerializer.Serialize(new
                {
                    apiVersion = "helm.toolkit.fluxcd.io/v2", kind = "HelmReleaseList",
                    items = new[] { "director", "ledger", "gateway" }.Select(m => new
                    {
                        apiVersion = "helm.toolkit.fluxcd.io/v2", kind = "HelmRelease", metadata = new { name = m, @namespace = ns },
                        status = new { conditions = new[] { new { type = "Ready", status = "True", reason = "UpgradeSucceeded" } } },
                    }),
                }),
                _ => null,
            };
            context.Response.StatusCode = body is null ? (int)HttpStatusCode.NotFound : 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body ?? "{\"kind\":\"Status\",\"code\":404}"));
            context.Response.Close();
        });
        var kubeconfig = root.WriteFile("kubeconfig", $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: stand-in
              cluster: {server: {{standIn.BaseUrl.ToString().TrimEnd('/')}}}
            contexts:
            - name: eu-test
              context: {cluster: stand-in, user: nobody}
            - name: eu-prod
              context: {cluster: stand-in, user: nobody}
            users:
            - name: nobody
              user: {token: stand-in-accepts-any-token}
            current-context: eu-test
            """);
        var report = Path.Combine(root.Path, "artifacts/drift/drift.json");

        var clean = await RunAsync(root, remote, "Drift", "--kubeconfig", kubeconfig);
        Assert.That(File.Exists(report), Is.True, _output.ToString());
        var cleanJson = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        edited = "director-preprod";
        var drift = await RunAsync(root, remote, "Drift", "--kubeconfig", kubeconfig);
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;

        Assert.That(clean, Is.EqualTo(BuildHost.Success), _output.ToString());
        Assert.That(cleanJson.GetProperty("kindsChecked").EnumerateArray().Select(k => k.GetString()), Does.Contain("runtime"));
        Assert.That(drift, Is.Not.EqualTo(BuildHost.Success));
        var finding = json.GetProperty("findings").EnumerateArray().Single();
        Assert.That($"{finding.GetProperty("kind").GetString()} {finding.GetProperty("environment").GetString()} {finding.GetProperty("module").GetString()} {finding.GetProperty("field").GetString()} {finding.GetProperty("expected").GetString()} -> {finding.GetProperty("found").GetString()}",
            Is.EqualTo("runtime pre-prod ledger configmap/ledger-config data.RETENTION_DAYS 7 -> 30"));
        Assert.That(finding.GetProperty("repair").GetString(), Is.EqualTo("flux reconcile kustomization pre-prod -n flux-system --with-source"));
    }

    private readonly StringWriter _output = new();

    private Task<int> RunAsync(TempDirectory root, TempBareRemote remote, params string[] args) =>
        BuildHost.RunAsync<SampleEnvironmentsBuild>([.. args, "--environments-repository", remote.FileUrl], null, new BuildHostOptions
        {
            RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(_output), Interactive = false, WriteSchema = false,
        });
}
