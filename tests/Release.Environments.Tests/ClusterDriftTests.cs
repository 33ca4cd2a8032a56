using System.Net;
using System.Text;
using k8s;
using Release.Environments.Drift;
using Release.Testing;
using Release.Testing.Network;

namespace Release.Environments.Tests;

/// <summary>
/// Runtime drift read through KubernetesClient. No Kubernetes API server can be installed on this machine, so these
/// tests talk to a STAND-IN: an HTTP server on 127.0.0.1 answering the three GET list paths the drift check reads with
/// the JSON a real API server returns for them (apps/v1 DeploymentList, v1 ConfigMapList, Flux helm.toolkit.fluxcd.io/v2
/// HelmRelease list). Everything else (the client, its serialization, the comparison) is the real code.
/// </summary>
public class ClusterDriftTests
{
    private const string Namespace = "director-staging";
    private const string Image = "127.0.0.1:5000/apps/director@sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string HandPushed = "127.0.0.1:5000/apps/director@sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static readonly ClusterExpectation Director = new("director", Image, new Dictionary<string, string> { ["LOG_LEVEL"] = "info", ["friendly-users"] = "false" });

    private sealed class StandInApiServer
    {
        public string DeploymentImage { get; set; } = Image;
        public string LogLevel { get; set; } = "info";
        public string Ready { get; set; } = "True";
        public List<string> Paths { get; } = [];

        public async Task AnswerAsync(HttpListenerContext context)
        {
            var path = context.Request.Url!.AbsolutePath;
            lock (Paths) Paths.Add($"{context.Request.HttpMethod} {path}");
            var body = path switch
            {
                $"/apis/apps/v1/namespaces/{Namespace}/deployments" => $$$"""
                    {"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"resourceVersion":"4711"},"items":[
                     {"metadata":{"name":"director","namespace":"{{{Namespace}}}","uid":"6d1f0f0e-0000-4000-8000-000000000001"},
                      "spec":{"replicas":1,"selector":{"matchLabels":{"app":"director"}},
                       "template":{"metadata":{"labels":{"app":"director"}},"spec":{"containers":[{"name":"director","image":"{{{DeploymentImage}}}"}]} } },
                      "status":{"replicas":1,"readyReplicas":1}}]}
                    """,
                $"/api/v1/namespaces/{Namespace}/configmaps" => $$$"""
                    {"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"4712"},"items":[
                     {"metadata":{"name":"director-config","namespace":"{{{Namespace}}}"},"data":{"LOG_LEVEL":"{{{LogLevel}}}","friendly-users":"false"}},
                     {"metadata":{"name":"kube-root-ca.crt","namespace":"{{{Namespace}}}"},"data":{"ca.crt":"-"}}]}
                    """,
                $"/apis/helm.toolkit.fluxcd.io/v2/namespaces/{Namespace}/helmreleases" => $$$"""
                    {"apiVersion":"helm.toolkit.fluxcd.io/v2","kind":"HelmReleaseList","metadata":{"resourceVersion":"4713"},"items":[
                     {"apiVersion":"helm.toolkit.fluxcd.io/v2","kind":"HelmRelease","metadata":{"name":"director","namespace":"{{{Namespace}}}"},
                      "status":{"conditions":[{"type":"Ready","status":"{{{Ready}}}","reason":"{{{(Ready == "True" ? "InstallSucceeded" : "UpgradeFailed")}}}","message":"Helm upgrade {{{(Ready == "True" ? "succeeded" : "failed")}}}"}]}}]}
                    """,
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static async Task<IReadOnlyList<DriftFinding>> DriftAsync(StandInApiServer standIn)
    {
        await using var server = LoopbackHttpServer.Start(standIn.AnswerAsync);
        using var cluster = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseUrl.ToString().TrimEnd('/') });
        return await ClusterDrift.FindingsAsync(cluster, "staging", Namespace, [Director], "flux-system", CancellationToken.None);
    }

    [Test]
    public async Task A_cluster_running_what_the_repository_declares_has_no_drift_and_every_object_kind_was_read()
    {
        var standIn = new StandInApiServer();
        var findings = await DriftAsync(standIn);
        Assert.That(findings, Is.Empty);
        Assert.That(standIn.Paths, Is.EquivalentTo(new[]
        {
            $"GET /apis/apps/v1/namespaces/{Namespace}/deployments",
            $"GET /api/v1/namespaces/{Namespace}/configmaps",
            $"GET /apis/helm.toolkit.fluxcd.io/v2/namespaces/{Namespace}/helmreleases",
        }));
    }

    [Test]
    public async Task A_live_image_replaced_by_hand_a_changed_ConfigMap_and_a_failed_HelmRelease_are_each_a_finding_with_its_repair()
    {
        var findings = await DriftAsync(new StandInApiServer { DeploymentImage = HandPushed, LogLevel = "trace", Ready = "False" });
        Assert.That(findings.Select(f => (f.Kind, f.Environment, f.Module, f.Field, f.Expected, f.Found)), Is.EquivalentTo(new[]
        {
            ("runtime", "staging", "director", "deployment/director containers[director].image", Image, HandPushed),
            ("runtime", "staging", "director", "configmap/director-config data.LOG_LEVEL", "info", "trace"),
            ("runtime", "staging", "director", "helmrelease/director Ready", "True", "False (UpgradeFailed: Helm upgrade failed)"),
        }));
        Assert.That(findings.Single(f => f.Field.StartsWith("deployment/", StringComparison.Ordinal)).Repair,
            Is.EqualTo($"flux reconcile helmrelease director -n {Namespace} --with-source"));
        Assert.That(findings.Single(f => f.Field.StartsWith("configmap/", StringComparison.Ordinal)).Repair,
            Is.EqualTo("flux reconcile kustomization staging -n flux-system --with-source"));
    }

    [Test]
    public async Task A_module_the_cluster_does_not_run_is_reported_missing()
    {
        var ledger = new ClusterExpectation("ledger", "127.0.0.1:5000/apps/ledger@sha256:3333333333333333333333333333333333333333333333333333333333333333", new Dictionary<string, string>());
        var standIn = new StandInApiServer();
        await using var server = LoopbackHttpServer.Start(standIn.AnswerAsync);
        using var cluster = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseUrl.ToString().TrimEnd('/') });
        var findings = await ClusterDrift.FindingsAsync(cluster, "staging", Namespace, [Director, ledger], "flux-system", CancellationToken.None);
        Assert.That(findings.Select(f => (f.Module, f.Field, f.Found)), Is.EquivalentTo(new[]
        {
            ("ledger", "helmrelease/ledger Ready", "(no such HelmRelease)"),
            ("ledger", "deployment/ledger image", "(no such Deployment)"),
            ("ledger", "configmap/ledger-config", "(no such ConfigMap)"),
        }));
    }
}
