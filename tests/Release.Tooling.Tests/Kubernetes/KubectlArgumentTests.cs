using Release.Tooling.Kubernetes;

namespace Release.Tooling.Tests.Kubernetes;

public sealed class KubectlArgumentTests
{
    [Test]
    public void Create_kinds_render_with_dry_run_and_yaml_output()
    {
        Assert.That(new KubectlCreateNamespaceSettings("director").ToArguments(),
            Is.EqualTo(new[] { "create", "namespace", "director", "--dry-run=client", "--output=yaml" }));
        Assert.That(new KubectlCreateDeploymentSettings("web", "localhost:5000/apps/web:1.2.3") { Replicas = 2, Port = 8080, Namespace = "prod" }.ToArguments(),
            Is.EqualTo(new[]
            {
                "create", "deployment", "web", "--image=localhost:5000/apps/web:1.2.3", "--replicas=2", "--port=8080",
                "--namespace=prod", "--dry-run=client", "--output=yaml",
            }));
        Assert.That(new KubectlCreateServiceSettings("web", 80, 8080).ToArguments(),
            Is.EqualTo(new[] { "create", "service", "clusterip", "web", "--tcp=80:8080", "--dry-run=client", "--output=yaml" }));
        Assert.That(new KubectlCreateConfigMapSettings("cfg")
            {
                Literals = new Dictionary<string, string> { ["mode"] = "fast", ["LEVEL"] = "debug" }, Files = ["app.json", "extra=/etc/x.conf"],
            }.ToArguments(),
            Is.EqualTo(new[]
            {
                "create", "configmap", "cfg", "--from-literal=LEVEL=debug", "--from-literal=mode=fast", "--from-file=app.json",
                "--from-file=extra=/etc/x.conf", "--dry-run=client", "--output=yaml",
            }));
    }

    [Test]
    public void Secret_values_go_to_standard_input_never_to_arguments()
    {
        var settings = new KubectlCreateSecretSettings("db") { Values = new Dictionary<string, string> { ["password"] = "hunter2", ["user"] = "app" } };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "create", "secret", "generic", "db", "--from-env-file=/dev/stdin", "--dry-run=client", "--output=yaml",
        }));
        Assert.That(settings.StandardInput, Is.EqualTo("password=hunter2\nuser=app\n"));
        Assert.Throws<ArgumentException>(() => _ = (settings with { Values = new Dictionary<string, string> { ["k"] = "a\nb" } }).StandardInput);
    }

    [Test]
    public void Invalid_names_are_rejected_naming_the_parameter()
    {
        var failure = Assert.Throws<ArgumentException>(() => new KubectlCreateNamespaceSettings("Director_1").ToArguments())!;

        Assert.That(failure.ParamName, Is.EqualTo("Name"));
        Assert.That(failure.Message, Does.Contain("'Director_1'").And.Contain("lower-case"));
    }

    // kubectl apply needs an API server, which cannot run on these machines (see FACTS.md);
    // apply is therefore covered by its exact argument lists only.
    [Test]
    public void Apply_with_every_option()
    {
        var settings = new KubectlApplySettings
        {
            Files = ["deploy/", "extra.yaml"], Kubeconfig = "/home/ci/.kube/config", Context = "prod-eu", Namespace = "director",
            ServerSide = true, FieldManager = "release", ForceConflicts = true, DryRun = KubectlDryRun.Server, Prune = true,
            Selector = "app.kubernetes.io/part-of=director", Wait = true,
        };

        Assert.That(settings.ToArguments(), Is.EqualTo(new[]
        {
            "apply", "--filename=deploy/", "--filename=extra.yaml", "--kubeconfig=/home/ci/.kube/config", "--context=prod-eu",
            "--namespace=director", "--server-side", "--field-manager=release", "--force-conflicts", "--dry-run=server", "--prune",
            "--selector=app.kubernetes.io/part-of=director", "--wait",
        }));
        Assert.That(new KubectlApplySettings { KustomizeDirectory = "overlays/prod", DryRun = KubectlDryRun.Client }.ToArguments(),
            Is.EqualTo(new[] { "apply", "--kustomize=overlays/prod", "--dry-run=client" }));
    }

    [Test]
    public void Apply_rejects_contradictory_options()
    {
        Assert.Throws<ArgumentException>(() => new KubectlApplySettings().ToArguments());
        Assert.Throws<ArgumentException>(() => new KubectlApplySettings { Files = ["a.yaml"], KustomizeDirectory = "k" }.ToArguments());
        Assert.That(Assert.Throws<ArgumentException>(() => new KubectlApplySettings { Files = ["a.yaml"], Prune = true }.ToArguments())!.Message,
            Does.Contain("Selector"));
        Assert.Throws<ArgumentException>(() => new KubectlApplySettings { Files = ["a.yaml"], ForceConflicts = true }.ToArguments());
    }
}
